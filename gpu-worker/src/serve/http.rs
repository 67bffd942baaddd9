//! The two HTTP listeners (hyper 1, HTTP/1.1):
//!
//! - the **tenant API**: `POST /v1/embeddings` ([`super::Server::embeddings`]), bodies
//!   up to 4 MiB; errors are OpenAI-shaped, `{"error": {"message", "type", "code"}}`;
//! - **operations**, on their own address: `GET /healthz` (the process answers),
//!   `GET /readyz` (200 only when the chain is connected, the hotkey registered and a
//!   model loaded; otherwise 503 naming what is missing), `GET /metrics` (Prometheus),
//!   `GET /receipts/<requester>/<nonce>` (what the worker signed for that request, from
//!   its journal).
//!
//! Both stop accepting on shutdown and let requests in flight finish (up to 30 s).

use super::{Refusal, Server};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::watch;

/// Largest request body.
pub const MAX_BODY: usize = 4 << 20;

/// An HTTP answer.
pub type Answer = Response<Full<Bytes>>;

fn respond(status: u16, content_type: &str, body: impl Into<Bytes>) -> Answer {
	let mut r = Response::new(Full::new(body.into()));
	*r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
	if let Ok(v) = content_type.parse() {
		r.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
	}
	r
}

/// A JSON answer.
pub fn json_answer(status: u16, value: &serde_json::Value) -> Answer {
	respond(status, "application/json", value.to_string())
}

/// An OpenAI-shaped error answer.
pub fn refusal(r: &Refusal) -> Answer {
	let kind = match r.status {
		401 | 403 => "authentication_error",
		429 => "rate_limit_error",
		500..=599 => "server_error",
		_ => "invalid_request_error",
	};
	json_answer(r.status, &json!({"error": {"message": r.reason, "type": kind, "code": r.status}}))
}

async fn api(server: Arc<Server>, req: Request<Incoming>) -> Answer {
	let started = Instant::now();
	let (route, answer) = match (req.method(), req.uri().path()) {
		(&Method::POST, "/v1/embeddings") => ("embeddings", embeddings(&server, req).await),
		(_, "/v1/embeddings") => ("embeddings", refusal(&Refusal::new(405, "use POST"))),
		(_, path) => ("other", refusal(&Refusal::new(404, format!("no route {path}; the API is POST /v1/embeddings")))),
	};
	let m = &server.metrics;
	m.requests.with_label_values(&[route, answer.status().as_str()]).inc();
	m.latency.with_label_values(&[route]).observe(started.elapsed().as_secs_f64());
	answer
}

/// The body of `req`, at most [`MAX_BODY`] bytes (413 otherwise).
pub async fn read_body(req: Request<Incoming>) -> Result<Bytes, Answer> {
	match Limited::new(req.into_body(), MAX_BODY).collect().await {
		Ok(b) => Ok(b.to_bytes()),
		Err(e) => {
			Err(refusal(&Refusal::new(413, format!("the body could not be read or is over {MAX_BODY} bytes: {e}"))))
		},
	}
}

async fn embeddings(server: &Server, req: Request<Incoming>) -> Answer {
	let headers = req.headers().clone();
	let body = match read_body(req).await {
		Ok(b) => b,
		Err(answer) => return answer,
	};
	let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
	match server.embeddings(&header, &body).await {
		Ok(value) => json_answer(200, &value),
		Err(r) => refusal(&r),
	}
}

async fn ops(server: Arc<Server>, req: Request<Incoming>) -> Answer {
	match req.uri().path() {
		"/healthz" => respond(200, "text/plain", "ok\n"),
		"/readyz" => {
			let view = server.view.read().unwrap_or_else(|p| p.into_inner());
			let mut missing = Vec::new();
			if !view.connected {
				missing.push("the chain is not connected");
			}
			if !view.registered {
				missing.push("the hotkey is not registered on the subnet");
			}
			if server.models.is_empty() {
				missing.push("no model is loaded");
			}
			if missing.is_empty() {
				respond(200, "text/plain", "ready\n")
			} else {
				respond(503, "text/plain", format!("not ready: {}\n", missing.join("; ")))
			}
		},
		"/metrics" => {
			respond(200, "text/plain; version=0.0.4", server.metrics.render(&server.batcher.inputs_by_device()))
		},
		path if path.starts_with("/receipts/") => signed_for(&server, &path["/receipts/".len()..]),
		path => respond(
			404,
			"text/plain",
			format!("no route {path}: /healthz, /readyz, /metrics, /receipts/<requester>/<nonce>\n"),
		),
	}
}

/// `GET /receipts/<requester SS58>/<nonce>`: what the worker signed for that request,
/// from its journal (404 when it signed nothing for it).
fn signed_for(server: &Server, rest: &str) -> Answer {
	let Some((who, nonce)) = rest.split_once('/') else {
		return refusal(&Refusal::new(400, "expected /receipts/<requester SS58>/<nonce>"));
	};
	let (Ok(who), Ok(nonce)) =
		(<sp_core::crypto::AccountId32 as sp_core::crypto::Ss58Codec>::from_ss58check(who), nonce.parse::<u64>())
	else {
		return refusal(&Refusal::new(400, "the requester must be an SS58 address and the nonce a decimal u64"));
	};
	let key = hearth_primitives::receipt::request_key(&who, nonce);
	match server.journal.receipt(&key) {
		Ok(Some(served)) => json_answer(
			200,
			&json!({
				"request_key": format!("0x{}", hex::encode(key)),
				"block": served.block,
				"receipt": format!("0x{}", hex::encode(&served.signed_receipt)),
				"values": served.values,
				"frac_bits": served.frac_bits,
			}),
		),
		Ok(None) => refusal(&Refusal::new(404, format!("nothing was signed for nonce {nonce} of {who}"))),
		Err(e) => refusal(&Refusal::new(500, e.to_string())),
	}
}

/// Which listener.
#[derive(Clone, Copy, Debug)]
pub enum Role {
	/// `/v1/embeddings`.
	Api,
	/// `/healthz`, `/readyz`, `/metrics`.
	Ops,
}

/// Serves `role` on `listener` until `shutdown` turns true, then waits (up to 30 s)
/// for the connections in flight.
pub async fn serve(listener: TcpListener, server: Arc<Server>, role: Role, shutdown: watch::Receiver<bool>) {
	let handle = move |req| {
		let server = server.clone();
		async move {
			match role {
				Role::Api => api(server, req).await,
				Role::Ops => ops(server, req).await,
			}
		}
	};
	serve_with(listener, handle, &format!("{role:?}"), shutdown).await
}

/// Serves HTTP/1.1 on `listener` with `handle` until `shutdown` turns true, then waits
/// (up to 30 s) for the connections in flight; `what` names the listener in logs.
pub async fn serve_with<F, Fut>(listener: TcpListener, handle: F, what: &str, mut shutdown: watch::Receiver<bool>)
where
	F: Fn(Request<Incoming>) -> Fut + Clone + Send + Sync + 'static,
	Fut: std::future::Future<Output = Answer> + Send + 'static,
{
	let graceful = hyper_util::server::graceful::GracefulShutdown::new();
	loop {
		tokio::select! {
			accepted = listener.accept() => {
				let (stream, _) = match accepted {
					Ok(s) => s,
					Err(e) => {
						tracing::warn!("accept failed: {e}");
						continue;
					},
				};
				let handle = handle.clone();
				let service = hyper::service::service_fn(move |req| {
					let answer = handle(req);
					async move { Ok::<_, std::convert::Infallible>(answer.await) }
				});
				let conn = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service);
				let conn = graceful.watch(conn);
				tokio::spawn(async move {
					if let Err(e) = conn.await {
						tracing::debug!("connection closed: {e}");
					}
				});
			},
			_ = shutdown.changed() => break,
		}
	}
	drop(listener);
	if tokio::time::timeout(Duration::from_secs(30), graceful.shutdown()).await.is_err() {
		tracing::warn!("{what}: requests still in flight after 30 s; closing them");
	}
}

/// One HTTP/1.1 exchange (`connection: close`) with a listener such as these: the status
/// and the body. For loopback checks, benches and tools; a reply that is not HTTP is an
/// `InvalidData` error.
pub async fn request(
	addr: std::net::SocketAddr,
	method: &str,
	path: &str,
	headers: &[(String, String)],
	body: &[u8],
) -> std::io::Result<(u16, String)> {
	use tokio::io::{AsyncReadExt, AsyncWriteExt};
	let mut stream = tokio::net::TcpStream::connect(addr).await?;
	let mut head =
		format!("{method} {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\ncontent-length: {}\r\n", body.len());
	for (name, value) in headers {
		head.push_str(&format!("{name}: {value}\r\n"));
	}
	head.push_str("\r\n");
	stream.write_all(head.as_bytes()).await?;
	stream.write_all(body).await?;
	let mut reply = Vec::new();
	stream.read_to_end(&mut reply).await?;
	let text = String::from_utf8_lossy(&reply).into_owned();
	let status = text
		.strip_prefix("HTTP/1.1 ")
		.and_then(|rest| rest.get(..3))
		.and_then(|code| code.parse().ok())
		.ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidData, "the reply is not HTTP/1.1"))?;
	let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
	Ok((status, body))
}
