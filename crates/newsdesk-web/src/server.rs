//! Routes, handlers and the headers every response carries.

use crate::links::Links;
use crate::state::{Lookup, PageCache, StorePool};
use crate::view::{self, clean_query, FrontPage};
use crate::{api, atom, pages, WebError};
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::Markup;
use newsdesk_store::StoryId;
use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

pub const SITE_CSS: &str = include_str!("../static/site.css");
pub const SITE_JS: &str = include_str!("../static/site.js");

/// How the site presents itself.
#[derive(Debug, Clone)]
pub struct SiteOptions {
    /// The public address of the site, for permalinks in the Atom feed and
    /// the API. `None`: `http://` and the address the listener is bound to.
    pub base_url: Option<String>,
    /// A served connection is closed when a request's headers have not all
    /// arrived this long after the server began waiting for them (an idle
    /// kept-alive connection too), so slow or silent clients cannot hold
    /// connections open.
    pub header_timeout: std::time::Duration,
}

impl Default for SiteOptions {
    fn default() -> Self {
        SiteOptions {
            base_url: None,
            header_timeout: std::time::Duration::from_secs(30),
        }
    }
}

struct AppState {
    pool: Arc<StorePool>,
    cache: PageCache,
    /// The first front pages (no search) as rendered, with when: served
    /// for `FRESHNESS_TTL`, like story pages, so a busy front page reads
    /// the store about once a second.
    front_pages: std::sync::Mutex<HashMap<usize, (std::time::Instant, Bytes)>>,
    base_url: String,
    links: Links,
}

/// Front pages kept rendered (page numbers from 1); later pages are read
/// from the store each time.
const CACHED_FRONT_PAGES: usize = 10;

type Shared = State<Arc<AppState>>;

/// Serves the site from the store at `store_path` on `listener` until
/// `shutdown` completes. Runs in the caller's tokio runtime.
pub async fn serve(
    store_path: PathBuf,
    listener: tokio::net::TcpListener,
    options: SiteOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), WebError> {
    let address = listener.local_addr().map_err(WebError::Serve)?;
    let header_timeout = options.header_timeout;
    let options = SiteOptions {
        base_url: Some(
            options
                .base_url
                .unwrap_or_else(|| format!("http://{address}/")),
        ),
        ..options
    };
    let app = tokio::task::spawn_blocking(move || router(store_path, options))
        .await
        .map_err(|e| WebError::Worker(e.to_string()))??;
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(header_timeout);
    let connections = hyper_util::server::graceful::GracefulShutdown::new();
    let mut listener = listener;
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            (stream, _) = axum::serve::Listener::accept(&mut listener) => {
                let service = hyper_util::service::TowerToHyperService::new(app.clone());
                let connection = http.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
                let connection = connections.watch(connection);
                tokio::spawn(async move {
                    // A client that hangs up or times out ends its own
                    // connection; nothing to report.
                    let _ = connection.await;
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    // Answers under way may finish; a client that never finishes its
    // request (or never reads the answer) must not keep the process from
    // stopping.
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, connections.shutdown()).await;
    Ok(())
}

/// How long a stopping server waits for the answers under way.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// The site's routes over the store at `store_path`. Opens the store now
/// (blocking), so a store that cannot be opened is an error here.
pub fn router(store_path: PathBuf, options: SiteOptions) -> Result<Router, WebError> {
    let pool = Arc::new(StorePool::open(store_path)?);
    let state = Arc::new(AppState {
        pool,
        cache: PageCache::default(),
        front_pages: std::sync::Mutex::new(HashMap::new()),
        base_url: atom::with_slash(options.base_url.as_deref().unwrap_or("http://localhost/")),
        links: Links::server(),
    });
    Ok(Router::new()
        .route("/", get(front_page))
        .route("/stories/{id}", get(story_page))
        .route("/sources", get(sources_page))
        .route("/feed.atom", get(feed))
        .route("/api/stories", get(api_stories))
        .route("/api/stories/{id}", get(api_story))
        .route("/openapi.json", get(openapi))
        .route("/healthz", get(health))
        .route("/static/site.css", get(css))
        .route("/static/site.js", get(js))
        .fallback(not_found)
        .layer(middleware::from_fn(security_headers))
        .with_state(state))
}

async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(concat!(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; ",
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

fn html(status: StatusCode, body: impl Into<Bytes>) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body.into(),
    )
        .into_response()
}

fn page(status: StatusCode, markup: Markup) -> Response {
    html(status, markup.into_string())
}

fn json(status: StatusCode, value: &serde_json::Value) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        value.to_string(),
    )
        .into_response()
}

fn not_found_page(state: &AppState) -> Response {
    page(
        StatusCode::NOT_FOUND,
        pages::message_page(
            "Not found",
            "There is no page at this address. The story may not have been written yet.",
            &state.links,
        ),
    )
}

fn error_page(state: &AppState, error: &WebError) -> Response {
    eprintln!("newsdesk-web: {error}");
    page(
        StatusCode::INTERNAL_SERVER_ERROR,
        pages::message_page("Something went wrong", &error.to_string(), &state.links),
    )
}

async fn not_found(State(state): Shared) -> Response {
    not_found_page(&state)
}

/// The front page's parameters: `page` (from 1) and `q`.
fn listing(
    query: &Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<(usize, Option<String>), String> {
    let Ok(Query(params)) = query else {
        return Err("The address's query string cannot be read.".to_string());
    };
    let page = match params.get("page").map(|p| p.trim()) {
        None | Some("") => 1,
        Some(text) => match text.parse::<usize>() {
            Ok(page) if page >= 1 => page,
            _ => return Err(format!("“{text}” is not a page number.")),
        },
    };
    Ok((page, clean_query(params.get("q").map(String::as_str))))
}

async fn load_front(
    state: &Arc<AppState>,
    page: usize,
    query: Option<String>,
) -> Result<FrontPage, WebError> {
    state
        .pool
        .with(move |store| view::front_page(store, page, query.as_deref()))
        .await
}

async fn front_page(
    State(state): Shared,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Response {
    let (number, search) = match listing(&query) {
        Ok(parsed) => parsed,
        Err(message) => {
            return page(
                StatusCode::BAD_REQUEST,
                pages::message_page("Bad request", &message, &state.links),
            )
        }
    };
    let cacheable = search.is_none() && number <= CACHED_FRONT_PAGES;
    if cacheable {
        let cached = state
            .front_pages
            .lock()
            .expect("front page cache")
            .get(&number)
            .cloned();
        if let Some((at, body)) = cached {
            if at.elapsed() < crate::FRESHNESS_TTL {
                return html(StatusCode::OK, body);
            }
        }
    }
    match load_front(&state, number, search).await {
        Ok(front) => {
            let body = Bytes::from(pages::front_page(&front, &state.links).into_string());
            if cacheable {
                state
                    .front_pages
                    .lock()
                    .expect("front page cache")
                    .insert(number, (std::time::Instant::now(), body.clone()));
            }
            html(StatusCode::OK, body)
        }
        Err(error) => error_page(&state, &error),
    }
}

fn parse_id(text: &str) -> Option<StoryId> {
    text.parse::<StoryId>().ok().filter(|id| *id > 0)
}

/// A story merged into another lives on at the other's address (the
/// permalink still leads somewhere); any other missing story is a 404.
async fn merged_target(state: &AppState, id: StoryId) -> Option<StoryId> {
    state
        .pool
        .with(move |store| Ok(store.merged_into(id)?))
        .await
        .ok()
        .flatten()
}

async fn missing_story_page(state: &AppState, id: StoryId) -> Response {
    match merged_target(state, id).await {
        Some(target) => redirect(&state.links.story(target)),
        None => not_found_page(state),
    }
}

fn redirect(location: &str) -> Response {
    let mut response = Response::new(axum::body::Body::empty());
    *response.status_mut() = StatusCode::MOVED_PERMANENTLY;
    if let Ok(value) = axum::http::HeaderValue::from_str(location) {
        response
            .headers_mut()
            .insert(axum::http::header::LOCATION, value);
    }
    response
}

async fn story_page(State(state): Shared, Path(id): Path<String>) -> Response {
    let Some(id) = parse_id(&id) else {
        return not_found_page(&state);
    };
    match state.cache.lookup(id) {
        Lookup::Fresh(body) => return html(StatusCode::OK, body),
        Lookup::Revalidate(cached) => {
            let latest = state
                .pool
                .with(move |store| view::latest_version(store, id))
                .await;
            match latest {
                Ok(Some(version)) if version == cached.version => {
                    return html(StatusCode::OK, cached.html.clone())
                }
                Ok(None) => {
                    state.cache.remove(id);
                    return missing_story_page(&state, id).await;
                }
                Err(error) => return error_page(&state, &error),
                Ok(Some(_)) => {}
            }
        }
        Lookup::Missing => {}
    }
    let render_state = state.clone();
    let rendered = state
        .pool
        .with(move |store| {
            let Some(view) = view::story_view(store, id)? else {
                return Ok(None);
            };
            let body = Bytes::from(pages::story_page(&view, &render_state.links).into_string());
            render_state.cache.insert(id, view.version, body.clone());
            Ok(Some(body))
        })
        .await;
    match rendered {
        Ok(Some(body)) => html(StatusCode::OK, body),
        Ok(None) => missing_story_page(&state, id).await,
        Err(error) => error_page(&state, &error),
    }
}

async fn sources_page(State(state): Shared) -> Response {
    match state.pool.with(|store| Ok(store.feeds()?)).await {
        Ok(feeds) => page(StatusCode::OK, pages::sources_page(&feeds, &state.links)),
        Err(error) => error_page(&state, &error),
    }
}

async fn feed(State(state): Shared) -> Response {
    match load_front(&state, 1, None).await {
        Ok(front) => (
            [
                (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            atom::feed(&front.cards, &state.base_url),
        )
            .into_response(),
        Err(error) => error_page(&state, &error),
    }
}

async fn api_stories(
    State(state): Shared,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Response {
    let (number, search) = match listing(&query) {
        Ok(parsed) => parsed,
        Err(message) => return json(StatusCode::BAD_REQUEST, &api::error_json(400, &message)),
    };
    match load_front(&state, number, search).await {
        Ok(front) => json(StatusCode::OK, &api::stories_json(&front, &state.base_url)),
        Err(error) => api_error(&error),
    }
}

fn api_error(error: &WebError) -> Response {
    eprintln!("newsdesk-web: {error}");
    json(
        StatusCode::INTERNAL_SERVER_ERROR,
        &api::error_json(500, &error.to_string()),
    )
}

async fn api_story(State(state): Shared, Path(id): Path<String>) -> Response {
    let missing = || {
        json(
            StatusCode::NOT_FOUND,
            &api::error_json(404, "no such story"),
        )
    };
    let Some(id) = parse_id(&id) else {
        return missing();
    };
    match state
        .pool
        .with(move |store| view::story_view(store, id))
        .await
    {
        Ok(Some(view)) => json(StatusCode::OK, &api::story_json(&view, &state.base_url)),
        Ok(None) => match merged_target(&state, id).await {
            Some(target) => redirect(&state.links.api_story(target)),
            None => missing(),
        },
        Err(error) => api_error(&error),
    }
}

async fn openapi() -> Response {
    json(StatusCode::OK, &api::openapi())
}

async fn health(State(state): Shared) -> Response {
    match state
        .pool
        .with(|store| Ok(store.stories(1, 0)?.len()))
        .await
    {
        Ok(_) => json(StatusCode::OK, &serde_json::json!({ "status": "ok" })),
        Err(error) => json(
            StatusCode::SERVICE_UNAVAILABLE,
            &api::error_json(503, &error.to_string()),
        ),
    }
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

async fn css() -> Response {
    asset("text/css; charset=utf-8", SITE_CSS)
}

async fn js() -> Response {
    asset("text/javascript; charset=utf-8", SITE_JS)
}
