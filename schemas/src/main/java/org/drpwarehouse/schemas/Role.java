package org.drpwarehouse.schemas;

/** Who a dispute step went to ({@code dispute_events.to_role}), and a stage's responder. */
public enum Role {
  SOCIAL_WORKER("Social worker"),
  PRACTICE_MANAGER("Practice manager / supervisor"),
  TEAM_MANAGER("Team manager"),
  SERVICE_MANAGER("Service manager"),
  HEAD_OF_SERVICE("Head of service"),
  ASSISTANT_DIRECTOR("Assistant director"),
  DIRECTOR("Director"),
  DCS("Director of Children's Services"),
  DEPUTY_CHIEF_EXECUTIVE("Deputy chief executive"),
  NOMINATED_OFFICER("LA nominated officer"),
  IRO_MANAGER("IRO manager"),
  PARTNER_AGENCY("Partner agency"),
  OTHER("Other");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
