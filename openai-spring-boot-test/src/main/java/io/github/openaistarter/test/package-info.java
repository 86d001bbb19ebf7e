/**
 * A fake of the OpenAI Chat Completions API for tests:
 * {@link io.github.openaistarter.test.OpenAiFakeServer} answers real HTTP on loopback,
 * deterministically, with stored completions, streaming, tool calls, OpenAI's error
 * format, and faults injected from the test. It reads and writes plain JSON trees,
 * independent of the client's model classes, so it checks the client rather than
 * mirroring it. {@link io.github.openaistarter.test.AutoConfigureOpenAiFake} connects a
 * Spring test's context to one, and
 * {@link io.github.openaistarter.test.OpenAiFakeExtension} runs one for a JUnit Jupiter
 * test class.
 */
@NullMarked
package io.github.openaistarter.test;

import org.jspecify.annotations.NullMarked;
