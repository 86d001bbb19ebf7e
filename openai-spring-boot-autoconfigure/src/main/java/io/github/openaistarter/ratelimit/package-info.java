/**
 * Client-side rate limiting: request and token budgets per model, kept locally
 * ({@link io.github.openaistarter.ratelimit.LocalRateLimiter}) or shared by every
 * instance through Redis ({@link io.github.openaistarter.ratelimit.RedisRateLimiter}), in
 * front of the transport.
 */
@NullMarked
package io.github.openaistarter.ratelimit;

import org.jspecify.annotations.NullMarked;
