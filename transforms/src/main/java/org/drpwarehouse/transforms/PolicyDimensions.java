package org.drpwarehouse.transforms;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.Role;
import org.drpwarehouse.schemas.policy.Ladder;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.PolicyBinding;
import org.drpwarehouse.schemas.policy.PolicyBindings;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.schemas.policy.Stage;

/**
 * The policies as small reference tables that the gold transforms join (broadcast) to, the way
 * working days join the calendar: no per-row UDF and no driver-side lookup of bulk data. Built on
 * the driver from the catalog and the bindings, which hold a handful of rows each.
 *
 * <ul>
 *   <li>{@link #bindings}: authority, effective_from, policy_id, pinned_version;
 *   <li>{@link #versions}: policy_id, policy_version, effective_from;
 *   <li>{@link #ladders}: one row per policy version and process (every process: one a policy
 *       does not define gets its CLA ladder), with the ladder's limits, bypass, Cafcass, extension
 *       and hold rules and its formal stage ids in rank order;
 *   <li>{@link #stages}: one row per stage of each of those ladders;
 *   <li>{@link #categories}: the policy's category code to canonical theme mapping.
 * </ul>
 */
public final class PolicyDimensions {
  public static final String AUTHORITY = "authority";
  public static final String POLICY_ID = "policy_id";
  public static final String POLICY_VERSION = "policy_version";
  public static final String PINNED_VERSION = "pinned_version";
  public static final String EFFECTIVE_FROM = "effective_from";
  public static final String PROCESS = "process";
  public static final String STAGE = "stage";
  public static final String STAGE_RANK = "stage_rank";
  public static final String FORMAL = "formal";
  public static final String TIMESCALE_KIND = "timescale_kind";
  public static final String TIMESCALE_WD = "timescale_wd";
  public static final String TIMESCALE_TEXT = "timescale_text";
  public static final String MEETING_RESPONSE = "meeting_response";
  public static final String RAISE_LIMIT_WD = "raise_limit_wd";
  public static final String INFORMAL_LIMIT_WD = "informal_limit_wd";
  public static final String TOTAL_LIMIT_WD = "total_limit_wd";
  public static final String CONSULTATION_REQUIRED = "consultation_required";
  public static final String FORMAL_STAGES = "formal_stages";
  public static final String NOTICE_LEAD_WD = "notice_lead_wd";
  public static final String MUST_INFORM = "must_inform";
  public static final String EXTENSIONS_ALLOWED = "extensions_allowed";
  public static final String HOLDS_ALLOWED = "holds_allowed";
  public static final String CATEGORY = "category";
  public static final String THEME = "theme";

  static final StructType BINDINGS_SCHEMA =
      new StructType()
          .add(AUTHORITY, StringType, false)
          .add(EFFECTIVE_FROM, DateType, false)
          .add(POLICY_ID, StringType, false)
          .add(PINNED_VERSION, IntegerType, true);

  static final StructType VERSIONS_SCHEMA =
      new StructType()
          .add(POLICY_ID, StringType, false)
          .add(POLICY_VERSION, IntegerType, false)
          .add(EFFECTIVE_FROM, DateType, false);

  static final StructType LADDERS_SCHEMA =
      new StructType()
          .add(POLICY_ID, StringType, false)
          .add(POLICY_VERSION, IntegerType, false)
          .add(PROCESS, StringType, false)
          .add(RAISE_LIMIT_WD, IntegerType, true)
          .add(INFORMAL_LIMIT_WD, IntegerType, true)
          .add(TOTAL_LIMIT_WD, IntegerType, true)
          .add(CONSULTATION_REQUIRED, BooleanType, false)
          .add(FORMAL_STAGES, createArrayType(StringType, false), false)
          .add(NOTICE_LEAD_WD, IntegerType, true)
          .add(MUST_INFORM, createArrayType(StringType, false), false)
          .add(EXTENSIONS_ALLOWED, BooleanType, false)
          .add(HOLDS_ALLOWED, BooleanType, false);

  static final StructType STAGES_SCHEMA =
      new StructType()
          .add(POLICY_ID, StringType, false)
          .add(POLICY_VERSION, IntegerType, false)
          .add(PROCESS, StringType, false)
          .add(STAGE, StringType, false)
          .add(STAGE_RANK, IntegerType, false)
          .add(FORMAL, BooleanType, false)
          .add(TIMESCALE_KIND, StringType, false)
          .add(TIMESCALE_WD, IntegerType, true)
          .add(TIMESCALE_TEXT, StringType, false)
          .add(MEETING_RESPONSE, BooleanType, false);

  static final StructType CATEGORIES_SCHEMA =
      new StructType()
          .add(POLICY_ID, StringType, false)
          .add(POLICY_VERSION, IntegerType, false)
          .add(CATEGORY, StringType, false)
          .add(THEME, StringType, false);

  private final Dataset<Row> bindings;
  private final Dataset<Row> versions;
  private final Dataset<Row> ladders;
  private final Dataset<Row> stages;
  private final Dataset<Row> categories;

  private PolicyDimensions(Dataset<Row> bindings, Dataset<Row> versions, Dataset<Row> ladders, Dataset<Row> stages,
      Dataset<Row> categories) {
    this.bindings = bindings;
    this.versions = versions;
    this.ladders = ladders;
    this.stages = stages;
    this.categories = categories;
  }

  public static PolicyDimensions of(SparkSession spark, PolicyCatalog catalog, PolicyBindings policyBindings) {
    List<Row> bindingRows = new ArrayList<>();
    for (PolicyBinding b : policyBindings.bindings()) {
      bindingRows.add(RowFactory.create(b.authority(), Date.valueOf(b.effectiveFrom()), b.policyId(), b.policyVersion()));
    }
    List<Row> versionRows = new ArrayList<>();
    List<Row> ladderRows = new ArrayList<>();
    List<Row> stageRows = new ArrayList<>();
    List<Row> categoryRows = new ArrayList<>();
    for (Policy policy : catalog.all()) {
      versionRows.add(RowFactory.create(policy.id(), policy.version(), Date.valueOf(policy.effectiveFrom())));
      for (DisputeProcess process : DisputeProcess.values()) {
        Ladder ladder = policy.ladder(process);
        Integer noticeLead = policy.cafcassRule(process).flatMap(r -> r.noticeLead()).orElse(null);
        List<String> mustInform =
            policy.cafcassRule(process).map(r -> r.mustInform().stream().map(Role::name).toList()).orElse(List.of());
        ladderRows.add(RowFactory.create(policy.id(), policy.version(), process.name(), ladder.informalRaiseLimitWd(),
            ladder.informalLimitWd(), ladder.totalLimitWd(), ladder.bypass().consultationRequired(),
            array(ladder.formalStages().stream().map(Stage::id).toList()), noticeLead, array(mustInform),
            policy.extensionsAllowed(), policy.holdsAllowed()));
        for (Stage stage : ladder.stages()) {
          stageRows.add(RowFactory.create(policy.id(), policy.version(), process.name(), stage.id(), stage.rank(),
              stage.formal(), stage.timescale().kind().name(), stage.timescale().workingDays(),
              stage.timescale().describe(), stage.response().isMeeting()));
        }
      }
      for (Map.Entry<String, String> category : policy.categories().entrySet()) {
        categoryRows.add(RowFactory.create(policy.id(), policy.version(), category.getKey(), category.getValue()));
      }
    }
    return new PolicyDimensions(
        spark.createDataFrame(bindingRows, BINDINGS_SCHEMA),
        spark.createDataFrame(versionRows, VERSIONS_SCHEMA),
        spark.createDataFrame(ladderRows, LADDERS_SCHEMA),
        spark.createDataFrame(stageRows, STAGES_SCHEMA),
        spark.createDataFrame(categoryRows, CATEGORIES_SCHEMA));
  }

  private static String[] array(List<String> values) {
    return values.toArray(String[]::new);
  }

  public Dataset<Row> bindings() {
    return bindings;
  }

  public Dataset<Row> versions() {
    return versions;
  }

  public Dataset<Row> ladders() {
    return ladders;
  }

  public Dataset<Row> stages() {
    return stages;
  }

  public Dataset<Row> categories() {
    return categories;
  }
}
