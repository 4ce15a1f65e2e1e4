/**
 * Bearer-token authorization: which token may write which product, who may manage descriptors, and
 * whose alerts a domain's token may silence and acknowledge. Tokens are held only as SHA-256 digests,
 * so a lookup never compares secrets character by character.
 */
@NullMarked
package io.meshwatch.collector.auth;

import org.jspecify.annotations.NullMarked;
