package io.meshwatch.collector.store;

class MemorySliStoreTest extends SliStoreContract {

  @Override
  public SliStore createStore() {
    return new MemorySliStore();
  }
}
