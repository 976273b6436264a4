package org.drpwarehouse.ingestion.internal;

import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.SourceFile;
import org.drpwarehouse.ingestion.ValidatedRecord;
import org.springframework.batch.item.ItemProcessor;

/**
 * Applies the contract rules to each record. A record that breaks a rule is not filtered or skipped:
 * it passes on with its violations, and the writer stages it for quarantine. This keeps "read =
 * loaded + quarantined" exact and avoids Spring Batch's skip-and-rescan of a whole chunk for every
 * bad record (a malformed row in every few hundred would rescan nearly every chunk).
 */
public final class ContractValidationProcessor implements ItemProcessor<RawRecord, ValidatedRecord> {
  private final SourceFile file;
  private final ContractValidator validator = new ContractValidator();

  public ContractValidationProcessor(SourceFile file) {
    this.file = file;
  }

  @Override
  public ValidatedRecord process(RawRecord record) {
    return validator.validate(file, record);
  }
}
