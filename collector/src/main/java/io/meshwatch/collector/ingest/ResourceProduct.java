package io.meshwatch.collector.ingest;

import io.meshwatch.collector.guard.OtlpBounds;
import io.meshwatch.collector.guard.Shown;
import io.meshwatch.collector.guard.Violation;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SignalContract;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The product an OTLP resource reports for, from its {@code meshwatch.product} attribute, or the
 * reason its points can't be attributed to one.
 */
sealed interface ResourceProduct {

  /** The resource reports for {@code product}, from the pipeline {@code service} (empty when unnamed). */
  record Known(ProductId product, String service) implements ResourceProduct {}

  /** None of the resource's points can be used. */
  record Refused(Rejection rejection) implements ResourceProduct {}

  static ResourceProduct of(Resource resource, Predicate<ProductId> knownProduct) {
    Violation tooMany = OtlpBounds.RESOURCE_ATTRIBUTES.check(resource.getAttributesCount());
    if (tooMany != null) {
      return rejected(RejectReason.INVALID_VALUE, "Resource.attributes " + tooMany.message());
    }
    Map<String, AnyValue> attributes = AttributeText.map(resource.getAttributesList());
    AnyValue service = attributes.get(SignalContract.RESOURCE_SERVICE_NAME);
    String serviceName = service == null ? "" : service.getStringValue();
    Violation longService = OtlpBounds.SERVICE.check(serviceName);
    if (longService != null) {
      // It keys the product's cumulative series, so it is held to a name's length.
      return rejected(RejectReason.INVALID_VALUE, "resource attribute " + SignalContract.RESOURCE_SERVICE_NAME + " "
          + longService.message());
    }
    AnyValue value = attributes.get(SignalContract.RESOURCE_PRODUCT);
    if (value == null) {
      return rejected(RejectReason.INVALID_PRODUCT, "resource has no " + SignalContract.RESOURCE_PRODUCT
          + " attribute" + (serviceName.isEmpty() ? "" : " (service.name " + Shown.quoted(serviceName) + ")"));
    }
    String text = value.getStringValue();
    Violation longId = OtlpBounds.PRODUCT.check(text);
    if (value.getValueCase() != AnyValue.ValueCase.STRING_VALUE || longId != null || !ProductId.isValid(text)) {
      return rejected(RejectReason.INVALID_PRODUCT, "resource attribute " + SignalContract.RESOURCE_PRODUCT
          + " must be a product id 'domain.name' (lower-case, each part at most 63 characters), got "
          + Shown.cut(AttributeText.of(value)));
    }
    ProductId product = ProductId.parse(text);
    AnyValue domain = attributes.get(SignalContract.RESOURCE_DOMAIN);
    if (domain != null && !(domain.getValueCase() == AnyValue.ValueCase.STRING_VALUE
        && domain.getStringValue().equals(product.domain()))) {
      return rejected(RejectReason.INVALID_PRODUCT, "resource attribute " + SignalContract.RESOURCE_DOMAIN
          + " is " + Shown.cut(AttributeText.of(domain)) + " but product '" + product + "' is in domain '" + product.domain() + "'");
    }
    if (!knownProduct.test(product)) {
      return rejected(RejectReason.UNKNOWN_PRODUCT, "unknown product '" + product + "'");
    }
    return new Known(product, serviceName);
  }

  private static ResourceProduct rejected(RejectReason reason, String message) {
    return new Refused(new Rejection(reason, message));
  }
}
