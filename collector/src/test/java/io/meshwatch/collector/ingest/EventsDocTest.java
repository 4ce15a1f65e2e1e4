package io.meshwatch.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.MarkdownBlocks;
import io.meshwatch.collector.TestClock;
import io.meshwatch.model.ProductId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/EVENTS.md documents the JSON events; this keeps its examples valid and its error messages true. */
class EventsDocTest {

  private static final Path DOC = Path.of(System.getProperty("basedir", "."), "..", "docs", "EVENTS.md");
  private static final ProductId ORDERS = ProductId.parse("sales.orders");

  private final JsonEventDecoder decoder = new JsonEventDecoder(new TestClock(Otlp.CLOCK_START), IngestLimits.defaults());

  @Test
  void eventsDoc_everyJsonExampleIsAccepted() throws Exception {
    List<String> blocks = MarkdownBlocks.fenced(Files.readString(DOC), "json");

    assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
    for (String block : blocks) {
      DecodeResult result = decoder.decode(ORDERS, block.getBytes(StandardCharsets.UTF_8));
      assertThat(result.rejections()).as(block).isEmpty();
      assertThat(result.signals()).as(block).isNotEmpty();
    }
  }

  @Test
  void eventsDoc_listsEveryBoundAsTheDecoderHoldsIt() throws Exception {
    assertThat(Files.readString(DOC)).contains(decoder.bounds().table().markdown());
  }

  @Test
  void eventsDoc_showsTheProblemsTheDecoderReallyReports() throws Exception {
    String doc = Files.readString(DOC);
    String body = "[{\"type\": \"volume\", \"rows\": 10}, {\"type\": \"volume\", \"rows\": -5}, {\"type\": \"volume\", \"rowz\": 3}]";
    assertThat(doc).contains("-d '" + body + "'");

    DecodeResult result = decoder.decode(ORDERS, body.getBytes(StandardCharsets.UTF_8));

    assertThat(result.rejections()).hasSize(3);
    assertThat(doc).contains(result.errorMessage());
    result.rejections().forEach(r -> assertThat(doc).contains("\"" + r.message() + "\"", "\"" + r.reason().label() + "\""));
  }
}
