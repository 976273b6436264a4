package org.drpwarehouse.ingestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drpwarehouse.ingestion.internal.ContractValidator;
import org.drpwarehouse.ingestion.internal.RecordSource;

/**
 * The dry run behind {@code drp validate}: reads every file of an extract exactly as ingestion would
 * and reports what would load and what would be quarantined, writing nothing.
 */
public final class ExtractValidator {
  private final int examplesPerFile;

  public ExtractValidator(int examplesPerFile) {
    if (examplesPerFile < 0) {
      throw new IllegalArgumentException("Cannot keep a negative number of examples: " + examplesPerFile);
    }
    this.examplesPerFile = examplesPerFile;
  }

  public List<FileCheck> check(ExtractFolder folder) {
    List<FileCheck> checks = new ArrayList<>();
    for (SourceFile file : folder.files()) {
      checks.add(check(file));
    }
    return checks;
  }

  public FileCheck check(SourceFile file) {
    ContractValidator validator = new ContractValidator();
    Map<String, Long> reasons = new TreeMap<>();
    List<FileCheck.Rejection> examples = new ArrayList<>();
    long read = 0;
    long valid = 0;
    try (RecordSource source = RecordSource.open(file)) {
      for (RawRecord record = source.next(); record != null; record = source.next()) {
        read++;
        ValidatedRecord checked = validator.validate(file, record);
        if (checked.isValid()) {
          valid++;
        } else {
          for (Violation violation : checked.violations()) {
            reasons.merge(violation.ruleId(), 1L, Long::sum);
          }
          if (examples.size() < examplesPerFile) {
            examples.add(new FileCheck.Rejection(record.line(), checked.violations(), record.text()));
          }
        }
      }
    } catch (SourceFileException e) {
      return new FileCheck(file, read, 0, 0, Map.of(), List.of(), e.getMessage());
    }
    return new FileCheck(file, read, valid, read - valid, reasons, examples, null);
  }
}
