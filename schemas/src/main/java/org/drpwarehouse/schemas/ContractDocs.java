package org.drpwarehouse.schemas;

import java.util.List;

/**
 * Writes the user documentation of every source file from the contracts themselves
 * ({@code docs/file-formats.md}), so the documentation cannot drift from what ingestion checks.
 */
public final class ContractDocs {
  private ContractDocs() {}

  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Source file formats\n\n");
    out.append("<!-- Generated from the contracts in the schemas module (ContractDocs). Do not edit by hand:\n");
    out.append("     run ./mvnw -B -pl schemas test -Ddrp.docs.write=true to regenerate. -->\n\n");
    out.append("The warehouse accepts two families of files. Personal-data columns are marked; ");
    out.append("after bronze they are pseudonymised (keyed HMAC-SHA256), coarsened or dropped by rule.\n\n");
    out.append("- **SSDA903** (DfE children looked after return): CSV exactly as DfE publishes it, ");
    out.append("upper-case headers, dates `dd/mm/yyyy`, no authority column. The authority comes from ");
    out.append("`--authority CODE` or a `").append(ExtractManifest.FILE_NAME).append("` manifest in the folder.\n");
    out.append("- **DRP exchange format v").append(ExchangeFormat.VERSION).append("**: UTF-8 CSV with a header row ");
    out.append("(comma separated, RFC 4180 quoting) or JSON Lines (`.jsonl`, one object per line, same field names); ");
    out.append("dates ISO `YYYY-MM-DD`; column order is free; unknown columns are kept in bronze and ignored after it; ");
    out.append("`Y`/`N` flags also accept `true`/`false`, and empty means unknown. v1 files carry no version column.\n\n");
    out.append("## The extract manifest (`").append(ExtractManifest.FILE_NAME).append("`)\n\n");
    out.append("```yaml\nauthority: \"381\"            # required: the DfE LA number used in the exchange files\n");
    out.append("authority_name: Calderdale  # optional\nextract_date: 2025-03-31    # optional: the day the extract was taken\n");
    out.append("ssda903_snapshot: true      # optional, default false: the SSDA903 files hold the authority's whole record\n```\n\n");
    out.append("With `ssda903_snapshot: true` each SSDA903 file of the extract is the authority's whole record of its kind ");
    out.append("(every child, episode or review, all years, as at the extract): a record an earlier load gave that the file ");
    out.append("no longer holds was deleted at source, and ingestion marks it deleted in bronze (the report's *deleted at ");
    out.append("source*), so it leaves silver and gold. A file that is not loaded (a broken header) deletes nothing; nor does ");
    out.append("a file with a rejected record whose key cannot be read (a missing or broken key column), ");
    out.append("since that record may be any of them: the report says so. Without the setting a file only adds and updates records.\n\n");
    for (SourceFamily family : SourceFamily.values()) {
      out.append("## ").append(family == SourceFamily.SSDA903 ? "SSDA903 files" : "Exchange format files").append("\n\n");
      for (RecordSpec spec : Contracts.all()) {
        if (spec.family() == family) {
          section(out, spec);
        }
      }
    }
    return out.toString();
  }

  private static void section(StringBuilder out, RecordSpec spec) {
    out.append("### `").append(spec.csvFileName()).append('`');
    spec.jsonLinesFileName().ifPresent(name -> out.append(" or `").append(name).append('`'));
    out.append("\n\n").append(spec.description()).append(" Key: ");
    out.append(String.join(", ", spec.naturalKey().stream().map(k -> "`" + k + "`").toList())).append(".\n\n");
    out.append("| column | type | required | allowed values | personal data | meaning | example |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (Column column : spec.columns()) {
      out.append("| `").append(column.name()).append("` | ").append(column.type().readable()).append(" | ");
      out.append(
          switch (column.requirement()) {
            case REQUIRED -> "yes";
            case OPTIONAL -> "no";
            case CONDITIONAL -> "when " + column.requiredWhen();
          });
      out.append(" | ").append(codes(column.allowedValues())).append(" | ");
      out.append(
          column.personalData().isPersonal()
              ? column.personalData().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": "
                  + treatment(column.personalData().treatment())
              : "");
      out.append(" | ").append(escape(column.description())).append(" | ");
      out.append(column.example().isEmpty() ? "" : "`" + column.example() + "`").append(" |\n");
    }
    out.append('\n');
  }

  private static String treatment(PersonalData.Treatment treatment) {
    return switch (treatment) {
      case KEEP -> "kept";
      case PSEUDONYMISE -> "pseudonymised";
      case COARSEN_TO_MONTH -> "coarsened to month";
      case OUTWARD_CODE -> "outward code only";
      case DROP -> "dropped after bronze";
    };
  }

  private static String codes(List<String> codes) {
    return codes.isEmpty() ? "" : String.join(" ", codes.stream().map(c -> "`" + c + "`").toList());
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
