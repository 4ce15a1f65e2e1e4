package io.meshwatch.collector.store;

class MemorySliStoreTest extends SliStoreContract {

  @Override
  SliStore createStore() {
    return new MemorySliStore();
  }
}
