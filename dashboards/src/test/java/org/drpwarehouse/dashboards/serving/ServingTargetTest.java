package org.drpwarehouse.dashboards.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.drpwarehouse.schemas.DrpUserException;
import org.junit.jupiter.api.Test;

class ServingTargetTest {
  private static final String URL = "jdbc:postgresql://db.internal:6432/drp?sslmode=require";

  @Test
  void thePasswordComesFromTheEnvironmentAndIsNeverShown() {
    ServingTarget target = ServingTarget.fromEnvironment(URL, "drp_publisher", Map.of(ServingTarget.PASSWORD_ENV, "serving-secret-7Qx"));

    assertThat(target.password()).isEqualTo("serving-secret-7Qx");
    assertThat(target.toString()).contains("drp_publisher").contains("password set").doesNotContain("serving-secret-7Qx");
    assertThat(target.boardSchema()).isEqualTo("drp_board");
    assertThat(target.inspectorSchema()).isEqualTo("drp_inspector");
    assertThat(target.address()).as("host, port and database, without the query").hasToString("postgresql://db.internal:6432/drp");
  }

  @Test
  void theInspectorDetailNeedsASchemaOfItsOwn() {
    ServingTarget target = ServingTarget.fromEnvironment(URL, "drp_publisher", Map.of());

    assertThatThrownBy(() -> target.withSchemas("drp_board", "drp_board"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("so that board readers cannot see it");
  }

  @Test
  void schemaAndRoleNamesArePlainIdentifiers() {
    ServingTarget target = ServingTarget.fromEnvironment(URL, "drp_publisher", Map.of());

    assertThatThrownBy(() -> target.withSchemas("drp_board; DROP SCHEMA public", "drp_inspector"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("board schema 'drp_board; DROP SCHEMA public'");
    assertThatThrownBy(() -> target.withReaderRoles(List.of("Superset Reader")))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("reader role 'Superset Reader'");
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> ServingTarget.fromEnvironment("jdbc:postgresql://db.internal/drp?user=x&password=hunter2", "x", Map.of()))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining(ServingTarget.PASSWORD_ENV)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void onlyPostgresqlUrlsAreServingDatabases() {
    assertThatThrownBy(() -> ServingTarget.fromEnvironment("jdbc:h2:mem:x", "sa", Map.of()))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("is not a PostgreSQL JDBC URL");
  }
}
