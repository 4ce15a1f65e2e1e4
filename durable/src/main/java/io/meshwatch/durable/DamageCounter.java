package io.meshwatch.durable;

/** Adds up the {@link Damage} one log or state file found; read from any thread. */
final class DamageCounter {
  private Damage total = Damage.NONE;

  synchronized void add(Damage found) {
    total = total.plus(found);
  }

  synchronized void records(long records, long bytes) {
    add(new Damage(records, bytes, 0, 0, 0));
  }

  synchronized void segment() {
    add(new Damage(0, 0, 1, 0, 0));
  }

  synchronized void snapshot() {
    add(new Damage(0, 0, 0, 1, 0));
  }

  synchronized void stateCopy() {
    add(new Damage(0, 0, 0, 0, 1));
  }

  synchronized Damage total() {
    return total;
  }
}
