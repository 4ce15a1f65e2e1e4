package io.meshwatch.collector.ingest;

import io.opentelemetry.proto.common.v1.KeyValue;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The attributes of a point that are not its contract labels, as 128 bits: what tells a series apart
 * beyond its labels without keeping any of their text. SHA-256, cut to 128 bits, over those
 * attributes sorted by key, each as its length and its protobuf bytes, so the same set gives the
 * same digest in whatever order it is sent. A strong hash rather than a fast one because the
 * reporter picks the values: with a fast one it could make two of its series one. Points whose
 * attributes are all labels (the agent's) are not hashed at all.
 */
record AttributeDigest(long high, long low) {

  /** The digest of no attributes. */
  static final AttributeDigest NONE = new AttributeDigest(0, 0);

  private static final Comparator<KeyValue> BY_KEY = Comparator.comparing(KeyValue::getKey);
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(AttributeDigest::sha256);

  /** The digest of those of {@code attributes} that {@code metric}'s labels are not read from. */
  static AttributeDigest of(List<KeyValue> attributes, ContractMetric metric) {
    List<KeyValue> others = null; // allocated only for a point with attributes beyond its labels
    boolean sorted = true;
    for (KeyValue attribute : attributes) {
      if (!PointLabels.reads(metric, attribute.getKey())) {
        others = others == null ? new ArrayList<>() : others;
        sorted &= others.isEmpty() || BY_KEY.compare(others.get(others.size() - 1), attribute) <= 0;
        others.add(attribute);
      }
    }
    if (others == null) {
      return NONE;
    }
    if (!sorted) {
      others.sort(BY_KEY);
    }
    MessageDigest sha = SHA_256.get();
    ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
    for (KeyValue attribute : others) {
      byte[] bytes = attribute.toByteArray();
      sha.update(length.clear().putInt(bytes.length).flip());
      sha.update(bytes);
    }
    ByteBuffer digest = ByteBuffer.wrap(sha.digest());
    return new AttributeDigest(digest.getLong(), digest.getLong());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
