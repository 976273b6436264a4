package org.drpwarehouse.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.drpwarehouse.dashboards.serving.ServingTarget;
import org.junit.jupiter.api.Test;

class SupersetConnectionTest {

  @Test
  void supersetReadsTheBoardSchemaOfTheServingTargetWithAMaskedPassword() {
    ServingTarget serving = ServingTarget.fromEnvironment("jdbc:postgresql://db.internal/drp", "drp_publisher",
        Map.of(ServingTarget.PASSWORD_ENV, "serving-secret-7Qx"));

    SupersetConnection connection = SupersetConnection.fromServing("DRP serving", serving, "superset reader");

    assertThat(connection.boardSchema()).isEqualTo("drp_board");
    assertThat(connection.sqlalchemyUri()).as("default port, user percent-encoded as SQLAlchemy reads it, password masked")
        .isEqualTo("postgresql+psycopg2://superset%20reader:XXXXXXXXXX@db.internal:5432/drp");
  }
}
