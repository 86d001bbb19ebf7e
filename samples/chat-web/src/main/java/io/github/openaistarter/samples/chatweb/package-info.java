/**
 * A web app on the OpenAI starter: a streamed chat page (the reactive bean, server-sent
 * events, tools from annotated methods whose calls show as they stream) with an extract
 * panel (structured outputs: a record back from one call) and a stored-completions page
 * (the blocking bean), with Actuator's health and the timing of the calls.
 */
@NullMarked
package io.github.openaistarter.samples.chatweb;

import org.jspecify.annotations.NullMarked;
