package io.meshwatch.collector.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods (and {@code @BeforeAll} methods) a {@link DemoMeshStack} parameter: one stack per
 * test run, started on first use and kept in the root context's store, which closes it when the run
 * ends. So every end-to-end class pays the demo's start-up and warm-up once.
 *
 * <pre>{@code
 * @ExtendWith(DemoMeshExtension.class)
 * class SomeE2ETest {
 *   @Test void something(DemoMeshStack stack) { ... }
 * }
 * }</pre>
 */
final class DemoMeshExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DemoMeshExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DemoMeshStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(DemoMeshStack.class, key -> {
      try {
        return DemoMeshStack.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, DemoMeshStack.class);
  }
}
