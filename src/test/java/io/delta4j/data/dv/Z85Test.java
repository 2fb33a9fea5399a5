package io.delta4j.data.dv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
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

  /** The Rust z85 crate's padded tail: {@code 4 - n} '#' and then n bytes in n + 1 digits. */
  @Test
  void paddedTailOfTheRustCrate() {
    // kernel-rs data/cdf-table-with-dv, version 5: the bitmap's last 2 bytes, 03 00 (row 3).
    assertArrayEquals(new byte[] {3, 0}, Z85.decode("##093"));
    assertArrayEquals(new byte[] {(byte) 0x86, 0x4F, (byte) 0xD2, 0x6F, 3, 0}, Z85.decode("Hello##093"));
    Random random = new Random(3);
    for (int n = 1; n <= 3; n++) {
      for (int trial = 0; trial < 50; trial++) {
        byte[] tail = new byte[n];
        random.nextBytes(tail);
        assertArrayEquals(tail, Z85.decode(crateTail(tail)), "tail of " + n);
      }
      assertArrayEquals(new byte[n], Z85.decode(crateTail(new byte[n])));
      byte[] ones = new byte[n];
      Arrays.fill(ones, (byte) -1);
      assertArrayEquals(ones, Z85.decode(crateTail(ones)));
    }
  }

  /** The crate's encoding of a tail of 1 to 3 bytes, written from its description. */
  private static String crateTail(byte[] tail) {
    long value = 0;
    for (byte b : tail) {
      value = value << 8 | (b & 0xFF);
    }
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    char[] out = new char[5];
    for (int i = 4; i >= 4 - tail.length; i--) {
      out[i] = alphabet.charAt((int) (value % 85));
      value /= 85;
    }
    for (int i = 0; i < 4 - tail.length; i++) {
      out[i] = '#';
    }
    return new String(out);
  }

  @Test
  void malformedPaddedTails() {
    assertEquals("the group at position 0 (####0) starts with 4 padding characters; at most 3 are possible",
        assertThrows(IllegalArgumentException.class, () -> Z85.decode("####0")).getMessage());
    assertEquals("the group at position 0 (##%%%) exceeds 16 bits",
        assertThrows(IllegalArgumentException.class, () -> Z85.decode("##%%%")).getMessage());
    // Only the last group may be padded: elsewhere '#' is a digit, and the group exceeds 32 bits.
    assertEquals("the group at position 0 (##093) exceeds 32 bits",
        assertThrows(IllegalArgumentException.class, () -> Z85.decode("##093Hello")).getMessage());
    assertEquals("it decodes to 14 bytes, not the 16 of a UUID",
        assertThrows(IllegalArgumentException.class, () -> Z85.decodeUuid("vBn[lx{q8@P<9BN##093")).getMessage());
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
