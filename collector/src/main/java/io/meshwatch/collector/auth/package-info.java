/**
 * Bearer-token authorization: which token may write which product, and who may manage descriptors. Tokens are held only as SHA-256 digests, so a lookup never compares secrets character by character.
 */
@NullMarked
package io.meshwatch.collector.auth;

import org.jspecify.annotations.NullMarked;
