package io.delta4j.testdata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The {@code _last_checkpoint} checksum of PROTOCOL.md "JSON checksum": flatten to path=value
 * pairs, URL-encode names and strings (uppercase {@code %XX}, unreserved set {@code a-zA-Z0-9-._~}),
 * sort the pairs by the UTF-8 bytes of their paths, join with {@code ,}, leave out the top-level
 * {@code checksum} key, and take the MD5 in lowercase hex.
 */
final class JsonChecksum {
  private JsonChecksum() {}

  static String md5(Map<String, Object> json) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(canonical(json).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  static String canonical(Map<String, Object> json) {
    List<String[]> pairs = new ArrayList<>();
    for (Map.Entry<String, Object> e : json.entrySet()) {
      if (!e.getKey().equals("checksum")) {
        flatten(quote(e.getKey()), e.getValue(), pairs);
      }
    }
    pairs.sort((a, b) -> Arrays.compareUnsigned(utf8(a[0]), utf8(b[0])));
    StringBuilder out = new StringBuilder();
    for (String[] pair : pairs) {
      out.append(out.isEmpty() ? "" : ",").append(pair[0]).append('=').append(pair[1]);
    }
    return out.toString();
  }

  private static void flatten(String path, Object value, List<String[]> pairs) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        flatten(path + "+" + quote((String) e.getKey()), e.getValue(), pairs);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(path + "+" + i, list.get(i), pairs);
      }
    } else if (value instanceof String s) {
      pairs.add(new String[] {path, quote(s)});
    } else {
      pairs.add(new String[] {path, String.valueOf(value)}); // numbers, true, false, null
    }
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (byte b : utf8(s)) {
      int c = b & 0xFF;
      boolean unreserved =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return out.append('"').toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
