package io.delta4j.log.checkpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum of a {@code _last_checkpoint} file (PROTOCOL.md, "JSON checksum"): the MD5 of a
 * canonical form of the JSON, so that the value does not depend on key order or whitespace.
 *
 * <p>Canonical form: every scalar becomes one {@code path=value} pair, where the path joins the
 * URL-encoded, quoted object keys and bare array indexes with {@code +}; strings are URL-encoded
 * and quoted, numbers and literals stay as written. Pairs are sorted by the UTF-8 bytes of their
 * paths and joined with {@code ,}. The top-level {@code checksum} key is left out. Empty objects
 * and arrays contribute no pair.
 */
final class LastCheckpointChecksum {
  /** Rule 7: a {@code _last_checkpoint} with duplicate keys is invalid, at any depth. */
  static final JsonFactory STRICT_FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private LastCheckpointChecksum() {}

  /** The lowercase hex MD5 of {@link #canonicalize}. */
  static String compute(byte[] json) throws IOException {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(canonicalize(json).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must provide MD5", e);
    }
  }

  /** The canonical form of a JSON object; throws on anything else or on malformed JSON. */
  static String canonicalize(byte[] json) throws IOException {
    List<String[]> pairs = new ArrayList<>();
    try (JsonParser p = STRICT_FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      flatten(p, "", pairs, true);
      if (p.nextToken() != null) {
        throw new IOException("content after the JSON object");
      }
    }
    // Paths are ASCII after URL-encoding, so String order is UTF-8 byte order.
    pairs.sort((a, b) -> a[0].compareTo(b[0]));
    StringBuilder out = new StringBuilder();
    for (String[] pair : pairs) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(pair[0]).append('=').append(pair[1]);
    }
    return out.toString();
  }

  private static void flatten(JsonParser p, String path, List<String[]> pairs, boolean top)
      throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        String name;
        while ((name = p.nextFieldName()) != null) {
          p.nextToken();
          if (top && name.equals("checksum")) {
            p.skipChildren(); // rule 6: the checksum does not cover itself
            continue;
          }
          flatten(p, child(path, "\"" + urlEncode(name) + "\""), pairs, false);
        }
      }
      case START_ARRAY -> {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          flatten(p, child(path, Integer.toString(index++)), pairs, false);
        }
      }
      case VALUE_STRING -> pairs.add(new String[] {path, "\"" + urlEncode(p.getText()) + "\""});
      default -> pairs.add(new String[] {path, p.getText()}); // numbers as written, literals
    }
  }

  private static String child(String path, String segment) {
    return path.isEmpty() ? segment : path + "+" + segment;
  }

  /**
   * "How to URL encode keys and string values": UTF-8 octets, everything but
   * {@code a-z A-Z 0-9 - . _ ~} percent-encoded with uppercase hex.
   */
  static String urlEncode(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }
}
