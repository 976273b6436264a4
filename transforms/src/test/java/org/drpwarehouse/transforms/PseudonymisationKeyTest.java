package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymisationKeyTest {
  @TempDir Path dir;

  @Test
  void a_new_local_key_file_is_readable_by_its_owner_only() throws Exception {
    Path file = dir.resolve("keys").resolve("pseudonymisation.key");
    PseudonymisationKey key = PseudonymisationKey.createLocal(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(key.bytes()).hasSize(PseudonymisationKey.MIN_BYTES);
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(key.bytes());
  }

  @Test
  void an_existing_local_key_is_kept() {
    Path file = dir.resolve("pseudonymisation.key");
    PseudonymisationKey first = PseudonymisationKey.createLocal(file);
    assertThat(PseudonymisationKey.createLocal(file)).as("a second run must not re-key the warehouse").isEqualTo(first);
    assertThat(PseudonymisationKey.fromFile(file)).isEqualTo(first);
  }

  @Test
  void a_key_file_others_can_read_is_refused() throws Exception {
    Path file = dir.resolve("shared.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> PseudonymisationKey.fromFile(file)).hasMessageContaining("chmod 600").hasMessageContaining("rw-r--r--");
  }

  @Test
  void a_short_key_is_refused() {
    assertThatThrownBy(() -> new PseudonymisationKey(new byte[16])).hasMessageContaining("at least 32");
    String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
    assertThatThrownBy(() -> PseudonymisationKey.fromBase64(shortKey, "test")).hasMessageContaining("31 bytes");
  }

  @Test
  void a_key_never_shows_in_its_text() {
    byte[] bytes = "a-key-of-forty-ascii-characters-exactly!".getBytes();
    PseudonymisationKey key = new PseudonymisationKey(bytes);
    assertThat(key.toString()).doesNotContain("a-key").doesNotContain(Base64.getEncoder().encodeToString(bytes)).contains("redacted");
    bytes[0] = 'X';
    assertThat(key.bytes()[0]).as("the key keeps its own copy").isEqualTo((byte) 'a');
  }

  @Test
  void a_missing_environment_variable_is_named() {
    assertThatThrownBy(() -> PseudonymisationKey.fromEnvironment("DRP_TEST_KEY_THAT_IS_NOT_SET"))
        .hasMessageContaining("DRP_TEST_KEY_THAT_IS_NOT_SET")
        .hasMessageContaining("not set");
  }

  @Test
  void text_that_is_not_base64_is_refused_without_being_quoted() {
    assertThatThrownBy(() -> PseudonymisationKey.fromBase64("secret!not*base64", "environment variable DRP_KEY"))
        .hasMessageContaining("DRP_KEY")
        .hasMessageNotContaining("secret!");
  }

  @Test
  void a_key_fingerprint_tells_keys_apart_and_shows_nothing_of_the_key() {
    byte[] bytes = new byte[PseudonymisationKey.MIN_BYTES];
    bytes[0] = 7;
    PseudonymisationKey key = new PseudonymisationKey(bytes);
    byte[] other = bytes.clone();
    other[31] = 1;
    assertThat(key.fingerprint()).as("the same key, the same fingerprint").isEqualTo(new PseudonymisationKey(bytes).fingerprint())
        .matches("[0-9a-f]{64}")
        .isNotEqualTo(new PseudonymisationKey(other).fingerprint());
    String base64 = Base64.getEncoder().encodeToString(bytes);
    String hex = java.util.HexFormat.of().formatHex(bytes);
    assertThat(key.fingerprint()).doesNotContain(base64).doesNotContain(hex.substring(0, 16));
  }
}
