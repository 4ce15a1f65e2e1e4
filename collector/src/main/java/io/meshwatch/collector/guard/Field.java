package io.meshwatch.collector.guard;

/**
 * One entry of a transport's table: a field as the transport names it ({@code rowsChecked},
 * {@code slos[].window}, {@code NumberDataPoint.time_unix_nano}) and its bound.
 */
public record Field<B extends Bound>(String name, B bound) {

  public Field {
    if (name == null || name.isBlank() || bound == null) {
      throw new IllegalArgumentException("a field entry needs a name and a bound, got " + name + ", " + bound);
    }
  }

  public static <B extends Bound> Field<B> of(String name, B bound) {
    return new Field<>(name, bound);
  }
}
