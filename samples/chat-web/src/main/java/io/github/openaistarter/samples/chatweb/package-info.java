/**
 * A web app on the OpenAI starter: a streamed chat page (the reactive bean, server-sent events) and a
 * stored-completions page (the blocking bean), with Actuator's health and the timing of every call.
 */
@NullMarked
package io.github.openaistarter.samples.chatweb;

import org.jspecify.annotations.NullMarked;
