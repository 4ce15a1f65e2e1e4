package io.meshwatch.collector.guard;

import io.meshwatch.alerting.silence.Silence;
import io.meshwatch.model.Severity;
import io.meshwatch.model.SloState;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The bounds of the HTTP API's query parameters, path parameters and small bodies (silences and
 * acknowledgements; README, "HTTP API"). Descriptors posted to {@code /api/v1/products} are held to
 * {@link DescriptorBounds}, signals to {@link EventBounds} and {@link OtlpBounds}.
 */
public final class ApiBounds {

  public static final String TRANSPORT = "HTTP API";
  private static final Bound.Text PRODUCT = new Bound.Text(1, 127);
  private static final Bound.Text DOMAIN = new Bound.Text(1, 63);
  /** A path parameter such as a silence id or an alert's fingerprint: looked up, never kept. */
  private static final Bound.Text KEY = Bounds.IDENTIFIER;

  /** {@code domain.name}: ProductId's own pattern holds it to this length. */
  public static final Field<Bound.Text> PRODUCT_ID = Field.of("/api/v1/products/{id} id", PRODUCT);
  public static final Field<Bound.Choice> SLOS_STATUS = Field.of("GET /api/v1/slos status",
      new Bound.Choice(Arrays.stream(SloState.values()).map(SloState::label).toList()));
  public static final Field<Bound.Text> SLOS_DOMAIN = Field.of("GET /api/v1/slos domain", DOMAIN);
  public static final Field<Bound.Text> SLOS_PRODUCT = Field.of("GET /api/v1/slos product", PRODUCT);
  public static final Field<Bound.Text> SLO_NAME = Field.of("GET /api/v1/products/{id}/slos/{name} name",
      new Bound.Text(1, 63));
  /** A chart's step: the store keeps nothing finer than a minute, no window is longer than 366d. */
  public static final Field<Bound.Span> SLO_STEP = Field.of("GET /api/v1/products/{id}/slos/{name} step",
      new Bound.Span(Duration.ofMinutes(1), Bounds.MAX_DURATION));
  public static final Field<Bound.Choice> ALERTS_STATE = Field.of("GET /api/v1/alerts state",
      new Bound.Choice(List.of("pending", "firing", "suppressed", "resolved")));
  public static final Field<Bound.Choice> ALERTS_SEVERITY = Field.of("GET /api/v1/alerts severity",
      new Bound.Choice(Arrays.stream(Severity.values()).map(Severity::label).toList()));
  public static final Field<Bound.Text> ALERTS_PRODUCT = Field.of("GET /api/v1/alerts product", PRODUCT);
  public static final Field<Bound.Text> ALERTS_DOMAIN = Field.of("GET /api/v1/alerts domain", DOMAIN);
  public static final Field<Bound.Text> ACK_FINGERPRINT = Field.of("POST /api/v1/alerts/{fingerprint}/ack fingerprint", KEY);
  public static final Field<Bound.Text> ACK_BY = Field.of("POST /api/v1/alerts/{fingerprint}/ack by", Bounds.NAME);
  public static final Field<Bound.Text> ACK_COMMENT = Field.of("POST /api/v1/alerts/{fingerprint}/ack comment", Bounds.PROSE);
  public static final Field<Bound.Choice> SILENCES_STATE = Field.of("GET /api/v1/silences state",
      new Bound.Choice(Arrays.stream(Silence.State.values()).map(Silence.State::label).toList()));
  public static final Field<Bound.Text> SILENCE_ID = Field.of("/api/v1/silences/{id} id", KEY);
  public static final Field<Bound.Items> SILENCE_MATCHERS = Field.of("POST /api/v1/silences matchers", new Bound.Items(64));
  /** One matcher as text, or the name and the value of one in Alertmanager's object form, each. */
  public static final Field<Bound.Text> SILENCE_MATCHER = Field.of("POST /api/v1/silences matchers[]", new Bound.Text(1, 1_024));
  public static final Field<Bound.Text> SILENCE_MATCHER_NAME = Field.of("POST /api/v1/silences matchers[].name",
      SILENCE_MATCHER.bound());
  public static final Field<Bound.Text> SILENCE_MATCHER_VALUE = Field.of("POST /api/v1/silences matchers[].value",
      new Bound.Text(0, SILENCE_MATCHER.bound().maxLength()));
  public static final Field<Bound.Choice> SILENCE_MATCHER_IS_REGEX = Field.of("POST /api/v1/silences matchers[].isRegex",
      Bounds.BOOLEAN);
  public static final Field<Bound.Choice> SILENCE_MATCHER_IS_EQUAL = Field.of("POST /api/v1/silences matchers[].isEqual",
      Bounds.BOOLEAN);
  public static final Field<Bound.Recent> SILENCE_STARTS_AT = Field.of("POST /api/v1/silences startsAt",
      new Bound.Recent(Bounds.MAX_DURATION, Bounds.MAX_DURATION));
  public static final Field<Bound.Part> SILENCE_ENDS_AT = Field.of("POST /api/v1/silences endsAt",
      new Bound.Part("duration, as endsAt less the silence's start"));
  public static final Field<Bound.Span> SILENCE_DURATION = Field.of("POST /api/v1/silences duration",
      new Bound.Span(Duration.ofMillis(1), Bounds.MAX_DURATION));
  public static final Field<Bound.Text> SILENCE_CREATED_BY = Field.of("POST /api/v1/silences createdBy", Bounds.NAME);
  public static final Field<Bound.Text> SILENCE_COMMENT = Field.of("POST /api/v1/silences comment", Bounds.PROSE);

  public static final BoundsTable TABLE = new BoundsTable(TRANSPORT, List.of(
      PRODUCT_ID, SLOS_STATUS, SLOS_DOMAIN, SLOS_PRODUCT, SLO_NAME, SLO_STEP, ALERTS_STATE, ALERTS_SEVERITY, ALERTS_PRODUCT,
      ALERTS_DOMAIN, ACK_FINGERPRINT, ACK_BY, ACK_COMMENT, SILENCES_STATE, SILENCE_ID, SILENCE_MATCHERS, SILENCE_MATCHER,
      SILENCE_MATCHER_NAME, SILENCE_MATCHER_VALUE, SILENCE_MATCHER_IS_REGEX, SILENCE_MATCHER_IS_EQUAL,
      SILENCE_STARTS_AT, SILENCE_ENDS_AT, SILENCE_DURATION, SILENCE_CREATED_BY, SILENCE_COMMENT));

  private ApiBounds() {}
}
