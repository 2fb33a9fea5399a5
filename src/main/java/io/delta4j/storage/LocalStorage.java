package io.delta4j.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * {@link StorageBackend} for {@code file:} URIs, on {@code java.nio}.
 *
 * <p>How it keeps the SPI's guarantees: listings read the directory once and sort by code point,
 * which is UTF-8 byte order; {@link #putIfAbsent} hard-links a finished temp file to the target
 * (see {@link ExclusiveCreate}); {@link #create} renames a finished temp file over the target.
 * Temp files are hidden ({@code .<name>.<uuid>.tmp}), so listings never show them.
 *
 * <p>Non-ASCII file names need a UTF-8 platform encoding ({@code sun.jnu.encoding}, set from the
 * locale, for example {@code LANG=C.UTF-8}); otherwise the JDK cannot map them to file names.
 */
public final class LocalStorage implements StorageBackend {
  /**
   * UTF-8 byte order. Comparing code points gives the same order; plain {@link String#compareTo}
   * compares UTF-16 units and puts U+10000 and above (emoji) before U+E000..U+FFFF.
   */
  static final Comparator<String> UTF8_ORDER = LocalStorage::compareCodePoints;

  /** Temp names keep at most this much of the target's name, so they stay under NAME_MAX. */
  private static final int TEMP_NAME_PREFIX = 100;

  private final ExclusiveCreate exclusiveCreate;

  public LocalStorage() {
    this(ExclusiveCreate.HARD_LINK);
  }

  /** For tests: a file system without hard links. */
  LocalStorage(ExclusiveCreate.Linker linker) {
    this.exclusiveCreate = new ExclusiveCreate(linker);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Lists regular files only (directories such as {@code _delta_log/_commits} and broken
   * symbolic links are skipped); names that sort before {@code start} are skipped before they cost
   * a {@code stat}. A file deleted between the directory read and its {@code stat} is left out.
   */
  @Override
  public Iterator<FileEntry> listFrom(URI start) throws IOException {
    Path startPath = toPath(start);
    boolean wholeDirectory = start.getPath().endsWith("/");
    Path dir = wholeDirectory ? startPath : startPath.getParent();
    String from = wholeDirectory ? "" : startPath.getFileName().toString();
    // One toUri() for the directory (it stats to add the trailing slash); names are encoded the
    // same way toUri() would, without a stat each.
    String dirUri = dir.toUri().toString();
    if (!dirUri.endsWith("/")) {
      dirUri += "/";
    }
    List<Named> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path file : stream) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || compareCodePoints(name, from) < 0) {
          continue;
        }
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException deletedMeanwhile) {
          continue;
        }
        if (attributes.isRegularFile()) {
          URI location = URI.create(dirUri + UriCodec.encodePath(name));
          entries.add(new Named(name, new FileEntry(location, attributes.size(), attributes.lastModifiedTime().toMillis())));
        }
      }
    } catch (NoSuchFileException missingDirectory) {
      return List.<FileEntry>of().iterator();
    }
    entries.sort(Comparator.comparing(Named::name, UTF8_ORDER));
    return entries.stream().map(Named::entry).toList().iterator();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads one directory at a time (see {@link LocalTreeListing}); files come directory by
   * directory. Symbolic links to directories are not followed.
   */
  @Override
  public Iterator<FileEntry> listRecursively(URI directory) throws IOException {
    Path dir = toPath(directory);
    return new LocalTreeListing(dir, dir.toUri().toString());
  }

  /** A listed file with its name, so that sorting does not decode each URI again. */
  private record Named(String name, FileEntry entry) {}

  /** {@inheritDoc} With {@code knownLength} given, opening costs no {@code stat}. */
  @Override
  public SeekableInput open(URI location, OptionalLong knownLength) throws IOException {
    FileChannel channel = FileChannel.open(toPath(location), StandardOpenOption.READ);
    try {
      return new LocalSeekableInput(channel, knownLength.isPresent() ? knownLength.getAsLong() : channel.size());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public byte[] readAllBytes(URI location) throws IOException {
    return Files.readAllBytes(toPath(location));
  }

  @Override
  public void putIfAbsent(URI location, byte[] contents) throws IOException {
    exclusiveCreate.write(toPath(location), contents);
  }

  /** {@inheritDoc} Parent directories are created as needed. */
  @Override
  public OutputStream create(URI location) throws IOException {
    Path target = toPath(location);
    Files.createDirectories(target.getParent());
    return new ReplaceOnCloseOutputStream(target, tempSibling(target));
  }

  @Override
  public void delete(URI location) throws IOException {
    Files.deleteIfExists(toPath(location));
  }

  @Override
  public boolean exists(URI location) {
    return Files.exists(toPath(location));
  }

  /**
   * The local path of a {@code file:} URI. {@code file://localhost/x} is accepted as
   * {@code file:///x}; {@code Path.of(URI)} alone refuses any authority.
   */
  static Path toPath(URI location) {
    String scheme = location.getScheme();
    if (scheme == null || !scheme.toLowerCase(Locale.ROOT).equals("file")) {
      throw new IllegalArgumentException("LocalStorage reads file: URIs only, not " + location);
    }
    if ("localhost".equalsIgnoreCase(location.getRawAuthority())) {
      location = URI.create("file://" + location.getRawPath());
    }
    return Path.of(location);
  }

  /** A unique hidden name beside {@code target}: {@code .<name>.<uuid>.tmp}. */
  static Path tempSibling(Path target) {
    String name = target.getFileName().toString();
    if (name.length() > TEMP_NAME_PREFIX) {
      int end = TEMP_NAME_PREFIX;
      if (Character.isHighSurrogate(name.charAt(end - 1))) {
        end--; // never split a surrogate pair
      }
      name = name.substring(0, end);
    }
    return target.resolveSibling("." + name + "." + UUID.randomUUID() + ".tmp");
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
