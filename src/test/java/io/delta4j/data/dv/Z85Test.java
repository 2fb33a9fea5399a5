package io.delta4j.data.dv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Z85Test {
  /** ZeroMQ RFC 32's test vector. */
  private static final byte[] HELLO_WORLD_BYTES = {
    (byte) 0x86, 0x4F, (byte) 0xD2, 0x6F, (byte) 0xB5, 0x59, (byte) 0xF7, 0x5B
  };

  @Test
  void rfc32TestVector() {
    assertArrayEquals(HELLO_WORLD_BYTES, Z85.decode("HelloWorld"));
    assertEquals("HelloWorld", Z85.encode(HELLO_WORLD_BYTES));
  }

  @Test
  void extremesOfAGroup() {
    assertArrayEquals(new byte[4], Z85.decode("00000"));
    assertArrayEquals(new byte[] {-1, -1, -1, -1}, Z85.decode("%nSc0"));
    assertEquals("%nSc0", Z85.encode(new byte[] {-1, -1, -1, -1}));
    assertArrayEquals(new byte[0], Z85.decode(""));
  }

  @Test
  void roundTripsRandomBytes() {
    Random random = new Random(42);
    for (int length = 0; length <= 64; length += 4) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      assertArrayEquals(bytes, Z85.decode(Z85.encode(bytes)), "length " + length);
    }
  }

  @Test
  void encodePadsToAMultipleOfFour() {
    byte[] decoded = Z85.decode(Z85.encode(new byte[] {1, 2, 3, 4, 5}));
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 0, 0, 0}, decoded);
  }

  @Test
  void uuidsAsDeltaWritesThem() {
    // kernel-rs data/table-with-dv-small: deletion_vector_61d16c75-6994-46b7-a15b-8b538852e50e.bin
    assertEquals(UUID.fromString("61d16c75-6994-46b7-a15b-8b538852e50e"), Z85.decodeUuid("vBn[lx{q8@P<9BNH/isA"));
    // PROTOCOL.md "JSON Example 1": ab^-aqEH.-t@S}K{vb[*k^ is prefix "ab" and this UUID.
    assertEquals(UUID.fromString("d2c639aa-8816-431a-aaf6-d3fe2512ff61"), Z85.decodeUuid("^-aqEH.-t@S}K{vb[*k^"));
  }

  @Test
  void malformedTextIsRefusedWithThePlace() {
    assertEquals("its length 4 is not a multiple of 5, as Z85 requires",
        assertThrows(IllegalArgumentException.class, () -> Z85.decode("Hell")).getMessage());
    assertEquals("character '~' at position 6 is not in the Z85 alphabet",
        assertThrows(IllegalArgumentException.class, () -> Z85.decode("HelloW~rld")).getMessage());
    assertEquals("character 'é' at position 0 is not in the Z85 alphabet",
        assertThrows(IllegalArgumentException.class, () -> Z85.decode("éello")).getMessage());
    assertEquals("the group at position 5 (%nSc1) exceeds 32 bits",
        assertThrows(IllegalArgumentException.class, () -> Z85.decode("00000%nSc1")).getMessage());
    assertEquals("an encoded UUID has 20 characters, not 10",
        assertThrows(IllegalArgumentException.class, () -> Z85.decodeUuid("HelloWorld")).getMessage());
  }
}
