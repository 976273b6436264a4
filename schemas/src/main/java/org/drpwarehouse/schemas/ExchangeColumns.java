package org.drpwarehouse.schemas;

/** Column names of the DRP exchange format v1 files (and the allocations and CP plan files). */
public final class ExchangeColumns {
  private ExchangeColumns() {}

  public static final String AUTHORITY = "authority";
  public static final String DISPUTE_ID = "dispute_id";
  public static final String CHILD_ID = "child_id";
  public static final String PROCESS = "process";
  public static final String RAISED_BY = "raised_by";
  public static final String IDENTIFIED_DATE = "identified_date";
  public static final String CATEGORY = "category";
  public static final String REVIEW_ID = "review_id";
  public static final String TEAM = "team";

  public static final String EVENT_ID = "event_id";
  public static final String EVENT_DATE = "event_date";
  public static final String EVENT_TYPE = "event_type";
  public static final String STAGE = "stage";
  public static final String TO_ROLE = "to_role";
  public static final String RECORDED_ON_FILE = "recorded_on_file";
  public static final String FORM_ATTACHED = "form_attached";
  public static final String AGREED_DATE = "agreed_date";
  public static final String OUTCOME = "outcome";

  public static final String REVIEW_DATE = "review_date";
  public static final String DECISIONS_SENT_DATE = "decisions_sent_date";
  public static final String MANAGER_RESPONSE_DATE = "manager_response_date";

  public static final String SERVICE_AREA = "service_area";
  public static final String SOCIAL_WORKER_ID = "social_worker_id";
  public static final String IRO_ID = "iro_id";
  public static final String FROM_DATE = "from_date";
  public static final String TO_DATE = "to_date";

  public static final String PLAN_START = "plan_start";
  public static final String PLAN_END = "plan_end";
  public static final String INITIAL_CATEGORY = "initial_category";
  public static final String REVIEW_DATES = "review_dates";
}
