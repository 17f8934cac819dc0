//! The JSON API and its OpenAPI 3.1 document.

use crate::atom::permalink;
use crate::view::{FrontPage, StoryCard, StoryView};
use serde_json::{json, Value};

fn card_json(card: &StoryCard, base_url: &str) -> Value {
    json!({
        "id": card.id,
        "headline": card.headline,
        "lead": card.lead,
        "outlets": card.outlets,
        "articles": card.articles,
        "versions": card.versions,
        "created_at": card.created_at,
        "updated_at": card.updated_at,
        "permalink": permalink(base_url, card.id),
    })
}

pub fn stories_json(front: &FrontPage, base_url: &str) -> Value {
    json!({
        "page": front.page,
        "page_size": crate::view::PAGE_SIZE,
        "has_next": front.has_next,
        "query": front.query,
        "stories": front.cards.iter().map(|c| card_json(c, base_url)).collect::<Vec<_>>(),
    })
}

/// A story with its sentence-to-source map: for every printed sentence,
/// the exact source text of each citation.
pub fn story_json(view: &StoryView, base_url: &str) -> Value {
    let story = &view.story;
    let sentences: Vec<Value> = story
        .sentences()
        .map(|sentence| {
            let sources: Vec<Value> = sentence
                .citations
                .iter()
                .enumerate()
                .map(|(index, citation)| {
                    let source = story.source(&citation.source);
                    json!({
                        "source": citation.source,
                        "outlet": source.map(|s| s.outlet.as_str()),
                        "start": citation.start,
                        "end": citation.end,
                        "text": source.and_then(|s| s.text.get(citation.start..citation.end)),
                        "printed": index == 0,
                        "url": source.and_then(|s| s.url.as_deref()),
                    })
                })
                .collect();
            json!({ "text": sentence.text, "sources": sources })
        })
        .collect();
    json!({
        "id": view.id,
        "version": view.version,
        "created_at": view.created_at,
        "updated_at": view.updated_at,
        "permalink": permalink(base_url, view.id),
        "history": view.history.iter().map(|change| json!({
            "version": change.version,
            "at": change.at,
            "articles": change.articles,
            "headline": change.headline,
            "sentences_added": change.sentences_added,
            "sentences_removed": change.sentences_removed,
            "new_outlets": change.new_outlets,
        })).collect::<Vec<_>>(),
        "sentences": sentences,
        "story": story,
    })
}

pub fn error_json(status: u16, message: &str) -> Value {
    json!({ "status": status, "error": message })
}

/// The OpenAPI document for every `/api` route and `/healthz`.
pub fn openapi() -> Value {
    let error = json!({ "$ref": "#/components/schemas/Error" });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "newsdesk",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Stories written from several outlets; every sentence maps to the source text behind it."
        },
        "paths": {
            "/api/stories": {
                "get": {
                    "operationId": "listStories",
                    "summary": "Current stories, most recently updated first, or those matching a search.",
                    "parameters": [
                        { "name": "page", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "default": 1 } },
                        { "name": "q", "in": "query", "required": false, "description": "Words that must all appear in the headline or text.", "schema": { "type": "string", "maxLength": crate::view::MAX_QUERY_CHARS } }
                    ],
                    "responses": {
                        "200": { "description": "A page of stories", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/StoryList" } } } },
                        "400": { "description": "A page number that is not a positive integer", "content": { "application/json": { "schema": error } } }
                    }
                }
            },
            "/api/stories/{id}": {
                "get": {
                    "operationId": "getStory",
                    "summary": "The latest version of a story with its sentence-to-source map.",
                    "parameters": [
                        { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }
                    ],
                    "responses": {
                        "200": { "description": "The story", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/StoryDetail" } } } },
                        "404": { "description": "No such story", "content": { "application/json": { "schema": error } } }
                    }
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "health",
                    "summary": "Whether the site can read its store.",
                    "responses": {
                        "200": { "description": "Healthy", "content": { "application/json": { "schema": { "type": "object", "properties": { "status": { "type": "string" }, "stories": { "type": "integer" } } } } } },
                        "503": { "description": "The store cannot be read", "content": { "application/json": { "schema": error } } }
                    }
                }
            }
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["status", "error"],
                    "properties": { "status": { "type": "integer" }, "error": { "type": "string" } }
                },
                "StoryCard": {
                    "type": "object",
                    "required": ["id", "headline", "lead", "outlets", "articles", "versions", "created_at", "updated_at", "permalink"],
                    "properties": {
                        "id": { "type": "integer" },
                        "headline": { "type": "string" },
                        "lead": { "type": "string" },
                        "outlets": { "type": "integer" },
                        "articles": { "type": "integer" },
                        "versions": { "type": "integer" },
                        "created_at": { "type": "string", "format": "date-time" },
                        "updated_at": { "type": "string", "format": "date-time" },
                        "permalink": { "type": "string", "format": "uri" }
                    }
                },
                "StoryList": {
                    "type": "object",
                    "required": ["page", "page_size", "has_next", "stories"],
                    "properties": {
                        "page": { "type": "integer" },
                        "page_size": { "type": "integer" },
                        "has_next": { "type": "boolean" },
                        "query": { "type": ["string", "null"] },
                        "stories": { "type": "array", "items": { "$ref": "#/components/schemas/StoryCard" } }
                    }
                },
                "CitedSource": {
                    "type": "object",
                    "required": ["source", "outlet", "start", "end", "text", "printed"],
                    "properties": {
                        "source": { "type": "string" },
                        "outlet": { "type": "string" },
                        "start": { "type": "integer", "description": "Byte offset into the source's text" },
                        "end": { "type": "integer" },
                        "text": { "type": ["string", "null"], "description": "The exact source text cited" },
                        "printed": { "type": "boolean", "description": "True for the text printed; false for sources that corroborate it" },
                        "url": { "type": ["string", "null"] }
                    }
                },
                "StoryDetail": {
                    "type": "object",
                    "required": ["id", "version", "created_at", "updated_at", "permalink", "history", "sentences", "story"],
                    "properties": {
                        "id": { "type": "integer" },
                        "version": { "type": "integer" },
                        "created_at": { "type": "string", "format": "date-time" },
                        "updated_at": { "type": "string", "format": "date-time" },
                        "permalink": { "type": "string", "format": "uri" },
                        "history": { "type": "array", "items": { "type": "object" } },
                        "sentences": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["text", "sources"],
                                "properties": {
                                    "text": { "type": "string" },
                                    "sources": { "type": "array", "items": { "$ref": "#/components/schemas/CitedSource" } }
                                }
                            }
                        },
                        "story": { "type": "object", "description": "The story as newsdesk's model holds it" }
                    }
                }
            }
        }
    })
}
