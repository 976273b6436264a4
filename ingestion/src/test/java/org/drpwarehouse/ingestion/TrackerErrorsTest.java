package org.drpwarehouse.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.drpwarehouse.ingestion.internal.RecordSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * A mapping that cannot be acted on, or a workbook that cannot be read, fails the tracker as a whole
 * with a message naming the file, the field and the fix; nothing from it loads.
 */
class TrackerErrorsTest {
  private static final String MAPPING = "trackers/alerts.mapping.yaml";

  @TempDir Path dir;
  private Path workbook;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(dir.resolve("drp-extract.yaml"), "authority: \"381\"\n");
    workbook = dir.resolve("trackers/alerts.xlsx");
    TrackerWorkbooks.wide(workbook, Map.of());
  }

  /** Opens the events source of the tracker with a mapping, as ingestion and validation do. */
  private AbstractThrowableAssert<?, ? extends Throwable> opening(String mapping) throws IOException {
    if (mapping != null) {
      TrackerWorkbooks.writeMapping(dir.resolve(MAPPING), mapping);
    }
    SourceFile events = ExtractFolder.scan(dir, null).files().stream()
        .filter(f -> f.name().equals("trackers/alerts.xlsx#dispute_events")).findFirst().orElseThrow();
    return assertThatThrownBy(() -> RecordSource.open(events).close()).isInstanceOf(SourceFileException.class);
  }

  private static String replace(String from, String to) {
    assertThat(TrackerWorkbooks.WIDE_MAPPING).contains(from);
    return TrackerWorkbooks.WIDE_MAPPING.replace(from, to);
  }

  @Test
  void a_workbook_without_a_mapping_says_which_mapping_file_to_write() throws IOException {
    opening(null).hasMessageStartingWith("trackers/alerts.xlsx: ").hasMessageContaining("write " + MAPPING);
  }

  @Test
  void an_unknown_key_is_named_with_its_path_and_the_key_it_probably_meant() throws IOException {
    opening(replace("    response: Stage 2 response received", "    respone: Stage 2 response received"))
        .hasMessageStartingWith(MAPPING + ": stages[1].respone: unknown key 'respone' (did you mean 'response'?)");
  }

  @Test
  void a_tracker_whose_authority_neither_the_mapping_nor_the_extract_gives_is_refused() throws IOException {
    Files.delete(dir.resolve("drp-extract.yaml"));
    opening(TrackerWorkbooks.WIDE_MAPPING)
        .hasMessageStartingWith(MAPPING + ": names no authority, and the extract gives none")
        .hasMessageContaining("add authority: \"CODE\"");
  }

  @Test
  void a_missing_required_key_is_named() throws IOException {
    opening(replace("  iro: IRO\n", "")).hasMessageStartingWith(MAPPING + ": columns.iro: is required but missing");
  }

  @Test
  void a_header_the_sheet_lacks_is_named_with_the_sheets_headers() throws IOException {
    opening(replace("response: Stage 2 response received", "response: Stage 2 response recieved"))
        .hasMessageStartingWith(MAPPING + ": stages[1].response: header 'Stage 2 response recieved' is not in row 3 of sheet 'Alerts'")
        .hasMessageContaining("'Alert ref' (A)", "'Stage 2 response received' (M)", "{letter: F}");
  }

  @Test
  void an_outcome_or_role_that_does_not_exist_is_refused_with_the_allowed_ones() throws IOException {
    opening(replace("Escalated: CONTINUED", "Escalated: ESCALATED"))
        .hasMessageStartingWith(MAPPING + ": outcomes.Escalated: 'ESCALATED' is not an outcome")
        .hasMessageContaining("RESOLVED, WITHDRAWN, NO_FURTHER_ACTION, REFERRED_TO_CAFCASS, CONTINUED");
    opening(replace("TM: TEAM_MANAGER", "TM: TEAM_LEADER"))
        .hasMessageStartingWith(MAPPING + ": roles.TM: 'TEAM_LEADER' is not a role")
        .hasMessageContaining("TEAM_MANAGER");
  }

  @Test
  void a_stage_the_named_policy_lacks_or_a_bad_date_pattern_is_refused() throws IOException {
    opening(replace("- stage: stage3", "- stage: stage9"))
        .hasMessageStartingWith(MAPPING + ": stages[2].stage: 'stage9' is not a stage of policy iro-alerts-five-stage");
    opening(replace("[dd/MM/yyyy, d.M.yy]", "[dd/MM/yyyy, dd.mm]"))
        .hasMessageStartingWith(MAPPING + ": date_formats[1]: 'dd.mm' must have a day (d), a month (M) and a year (y)");
  }

  @Test
  void a_shape_that_does_not_exist_and_a_bare_yes_no_word_are_refused() throws IOException {
    opening(replace("shape: wide", "shape: tall")).hasMessageStartingWith(MAPPING + ": shape: 'tall' is not a tracker shape");
    opening(replace("equals: [Total]", "equals: [No]"))
        .hasMessageStartingWith(MAPPING + ": skip.when[0].equals[0]: was read as a yes/no value")
        .hasMessageContaining("put the word in quotes");
  }

  @Test
  void a_sheet_the_workbook_lacks_is_named_with_its_sheets() throws IOException {
    opening(replace("sheet: Alerts", "sheet: Alert log"))
        .hasMessageStartingWith("trackers/alerts.xlsx: has no sheet 'Alert log' (its sheets: 'Alerts', 'Lists')")
        .hasMessageContaining("set 'sheet:' in " + MAPPING);
  }

  @Test
  void a_file_that_is_not_a_workbook_or_is_cut_short_fails_naming_the_file() throws IOException {
    byte[] whole = Files.readAllBytes(workbook);
    Files.write(workbook, Arrays.copyOf(whole, whole.length / 2));
    opening(TrackerWorkbooks.WIDE_MAPPING)
        .hasMessageStartingWith("trackers/alerts.xlsx: cannot be read as an .xlsx workbook");

    Files.writeString(workbook, "Alert ref,Child ID\nA-1,C-1\n");
    opening(null).hasMessageStartingWith("trackers/alerts.xlsx: is not an Excel .xlsx workbook (it is not a zip package");
  }

  @Test
  void an_old_xls_workbook_or_a_password_protected_one_says_so() throws Exception {
    try (HSSFWorkbook xls = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
      xls.createSheet("Alerts");
      xls.write(out);
    }
    opening(TrackerWorkbooks.WIDE_MAPPING).hasMessageStartingWith("trackers/alerts.xlsx: is an Excel 97-2003 workbook (.xls)");

    Path plain = dir.resolve("plain.xlsx");
    TrackerWorkbooks.wide(plain, Map.of());
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("secret");
      try (OutputStream out = encryptor.getDataStream(fs)) {
        Files.copy(plain, out);
      }
      try (OutputStream out = Files.newOutputStream(workbook)) {
        fs.writeFilesystem(out);
      }
    }
    Files.delete(plain);
    opening(null).hasMessageStartingWith("trackers/alerts.xlsx: is password-protected (encrypted)");
  }

  @Test
  void validation_reports_a_broken_tracker_as_a_failed_file_and_goes_on_with_the_others() throws IOException {
    TrackerWorkbooks.writeMapping(dir.resolve(MAPPING), replace("shape: wide", "shape: tall"));
    Files.writeString(dir.resolve("disputes.csv"),
        "authority,dispute_id,child_id,process,raised_by,identified_date,category,review_id,team\n"
            + "381,D-1,C-1,CLA,IRO-1,2024-05-01,DRIFT,,Team 1\n");

    List<FileCheck> checks = new ExtractValidator(3).check(ExtractFolder.scan(dir, null));

    assertThat(checks).filteredOn(c -> c.source().kind() == SourceKind.TRACKER)
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.failure()).startsWith(MAPPING + ": shape:"));
    assertThat(checks).filteredOn(c -> c.source().name().equals("disputes.csv")).singleElement()
        .extracting(FileCheck::valid).isEqualTo(1L);
  }
}
