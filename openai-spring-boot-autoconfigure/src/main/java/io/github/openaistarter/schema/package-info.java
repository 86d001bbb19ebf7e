/**
 * JSON schemas from Java types, and OpenAI's strict-mode rules for them: one piece shared
 * by structured outputs (the answer's type) and tools (a function's parameters).
 * {@link io.github.openaistarter.schema.TypeSchema} generates a type's schema once and
 * reads JSON that follows it, whole or streamed;
 * {@link io.github.openaistarter.schema.StrictSchemaRules} checks any schema against
 * OpenAI's rules before it is sent.
 */
@NullMarked
package io.github.openaistarter.schema;

import org.jspecify.annotations.NullMarked;
