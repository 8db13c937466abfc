//! The server loop: the LSP lifecycle (initialize, shutdown, exit), document sync, and the
//! dispatch of requests to the features.
//!
//! One thread reads frames; this one handles them in order, so a request is answered against
//! the version of the document its sender had (the edits before it applied, none after).
//! After handling a message it handles every message that has already arrived, or that the
//! reader is decoding from bytes it holds, before publishing diagnostics: a burst of
//! keystrokes applies every edit but is linted once, on the text the editor ended with, and
//! no superseded version is published. Requests in the middle of a burst build what they need
//! of their version (the model; the diagnostics for hover and code actions) and no more.

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    InitializeParams, InitializeResult, MessageType, ServerInfo, ShowMessageParams, Uri,
};
use rtx_linter::Settings;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::documents::{Documents, OpenDocument};
use crate::features;
use crate::inbox::{Inbox, Pending};
use crate::line_index::Encoding;
use crate::settings::ClientOptions;
use crate::transport::{self, Incoming};
use crate::workspace::Workspace;
use rtx_i18n::tr;
use rtx_linter::project::{CloudPeer, FileFacts, Project, ProjectConfig};
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Waiting for `initialize`.
    Uninitialized,
    Running,
    /// `shutdown` answered: only `exit` is left.
    ShuttingDown,
}

/// A request's result.
enum Answer {
    Value(Value),
    /// Already serialized: written into the response as it is, with no `Value` tree between.
    Json(String),
    /// A part of this document's analysis kept as JSON.
    Cached(Uri, Cached),
}

/// The answers kept per version, as JSON: both are megabytes for a large config.
#[derive(Clone, Copy)]
enum Cached {
    Outline,
    Tokens,
}

/// Why a request gets an error instead of a result.
struct Failure {
    code: ErrorCode,
    message: String,
}

impl Failure {
    fn new(code: ErrorCode, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
        }
    }
}

pub struct Server<W: Write> {
    out: W,
    state: State,
    encoding: Encoding,
    /// What the editor set; each document layers it over its project's `rtxlint.toml`.
    client: ClientOptions,
    /// Whether the client lets us watch `rtxlint.toml` files (dynamic registration).
    can_watch_files: bool,
    /// Problems already shown, so a broken project file is reported once, not per document.
    reported: Vec<String>,
    documents: Documents,
    /// Documents whose diagnostics changed since they were last published.
    dirty: Vec<Uri>,
    /// The workspace folders' configs, for the rules that see every config.
    workspace: Workspace,
    /// Whether a config of the workspace changed since its run was last checked.
    project_stale: bool,
    /// The name findings give each config of the last run, and its URI.
    project_names: BTreeMap<Arc<str>, String>,
    /// The cloud peers' files of the last run, by name: URI, text and line index.
    peer_texts: BTreeMap<Arc<str>, (Uri, Vec<u8>, crate::line_index::LineIndex)>,
}

impl<W: Write> Server<W> {
    pub fn new(out: W) -> Server<W> {
        Server {
            out,
            state: State::Uninitialized,
            encoding: Encoding::default(),
            client: ClientOptions::default(),
            can_watch_files: false,
            reported: Vec::new(),
            documents: Documents::default(),
            dirty: Vec::new(),
            workspace: Workspace::default(),
            project_stale: false,
            project_names: BTreeMap::new(),
            peer_texts: BTreeMap::new(),
        }
    }

    /// Serves until `exit` (or the end of input); returns the process exit code: 0 after a
    /// `shutdown` request, 1 otherwise, as LSP asks.
    pub fn run(mut self, inbox: Inbox) -> i32 {
        while let Some(first) = inbox.next() {
            if let Some(code) = self.handle(first) {
                return code;
            }
            while let Pending::Message(next) = inbox.next_if_pending() {
                if let Some(code) = self.handle(next) {
                    return code;
                }
            }
            if self.project_stale {
                self.project_stale = false;
                self.check_project();
            }
            self.publish_dirty();
        }
        1
    }

    /// Handles one incoming item; `Some(code)` when the server must exit.
    fn handle(&mut self, incoming: Incoming) -> Option<i32> {
        match incoming {
            Incoming::Malformed(reason) => {
                self.write_error(None, ErrorCode::ParseError, &reason);
                None
            }
            Incoming::Invalid { id, reason } => {
                self.write_error(id, ErrorCode::InvalidRequest, &reason);
                None
            }
            Incoming::Message(Message::Request(request)) => {
                self.request(request);
                None
            }
            Incoming::Message(Message::Notification(n)) => self.notification(n),
            // Answers to requests we never send.
            Incoming::Message(Message::Response(_)) => None,
        }
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        let result = match (self.state, request.method.as_str()) {
            (State::Uninitialized, req::Initialize::METHOD) => self.initialize(request.params),
            (State::Uninitialized, _) => Err(Failure::new(
                ErrorCode::ServerNotInitialized,
                "the server is not initialized yet",
            )),
            (State::ShuttingDown, _) => Err(Failure::new(
                ErrorCode::InvalidRequest,
                "the server is shutting down",
            )),
            (State::Running, req::Initialize::METHOD) => Err(Failure::new(
                ErrorCode::InvalidRequest,
                "initialize was already received",
            )),
            (State::Running, req::Shutdown::METHOD) => {
                self.state = State::ShuttingDown;
                Ok(Answer::Value(Value::Null))
            }
            (State::Running, method) => {
                // A bug in one feature must not take the editor's server down.
                let method = method.to_string();
                match catch_unwind(AssertUnwindSafe(|| self.dispatch(&method, request.params))) {
                    Ok(result) => result,
                    Err(_) => Err(Failure::new(
                        ErrorCode::InternalError,
                        tr!(
                            self.client.lang(),
                            "server-failed",
                            method = method.as_str()
                        )
                        .into_owned(),
                    )),
                }
            }
        };
        match result {
            Ok(Answer::Value(value)) => self.write(Message::Response(Response::new_ok(id, value))),
            Ok(Answer::Json(json)) => {
                let _ = transport::write_result(&mut self.out, &id, json.as_bytes());
            }
            Ok(Answer::Cached(uri, part)) => {
                let json = self
                    .documents
                    .get(&uri)
                    .map_or(&b"null"[..], |d| match part {
                        Cached::Outline => d.outline_json(),
                        Cached::Tokens => d.tokens_json().as_bytes(),
                    });
                let _ = transport::write_result(&mut self.out, &id, json);
            }
            Err(failure) => {
                let response = Response::new_err(id, failure.code as i32, failure.message);
                self.write(Message::Response(response));
            }
        }
    }

    fn initialize(&mut self, params: Value) -> Result<Answer, Failure> {
        let params: InitializeParams = parse_params(params)?;
        self.encoding = Encoding::negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        self.can_watch_files = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        let (client, problems) = ClientOptions::from_json(
            params.initialization_options.as_ref(),
            ClientOptions::locale_from(params.locale.as_deref()),
        );
        self.client = client;
        #[allow(deprecated)] // `rootUri`: clients that send no workspace folders send it
        let roots: Vec<Uri> = match (&params.workspace_folders, &params.root_uri) {
            (Some(folders), _) => folders.iter().map(|f| f.uri.clone()).collect(),
            (None, Some(root)) => vec![root.clone()],
            (None, None) => Vec::new(),
        };
        self.workspace = Workspace::new(
            roots
                .iter()
                .filter_map(crate::settings::file_path)
                .collect(),
        );
        self.state = State::Running;
        let result = InitializeResult {
            capabilities: crate::capabilities::capabilities(self.encoding),
            server_info: Some(ServerInfo {
                name: "rtxlint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        };
        for problem in problems {
            self.show_message(MessageType::WARNING, problem);
        }
        Ok(Answer::Value(
            serde_json::to_value(result).expect("serializable"),
        ))
    }

    fn dispatch(&mut self, method: &str, params: Value) -> Result<Answer, Failure> {
        use features::*;
        let result = match method {
            req::HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = parse_params(params)?;
                let at = p.text_document_position_params;
                let document = self.document(&at.text_document.uri)?;
                let offset = document.offset(at.position);
                serde_json::to_string(&hover::hover(document, offset))
            }
            req::GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = parse_params(params)?;
                let at = p.text_document_position_params;
                let document = self.document(&at.text_document.uri)?;
                let offset = document.offset(at.position);
                serde_json::to_string(&navigation::definition(document, offset))
            }
            req::References::METHOD => {
                let p: lsp_types::ReferenceParams = parse_params(params)?;
                let at = p.text_document_position;
                let document = self.document(&at.text_document.uri)?;
                let offset = document.offset(at.position);
                serde_json::to_string(&navigation::references(
                    document,
                    offset,
                    p.context.include_declaration,
                ))
            }
            req::Completion::METHOD => {
                let p: lsp_types::CompletionParams = parse_params(params)?;
                let at = p.text_document_position;
                let document = self.document(&at.text_document.uri)?;
                let offset = document.offset(at.position);
                serde_json::to_string(&completion::complete(document, offset))
            }
            req::CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = parse_params(params)?;
                let document = self.document(&p.text_document.uri)?;
                serde_json::to_string(&code_actions::code_actions(
                    document,
                    p.range,
                    p.context.only.as_deref(),
                ))
            }
            req::DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = parse_params(params)?;
                // Built once per version (here, where a panic is caught) and kept as JSON:
                // written straight from the cache.
                self.document(&p.text_document.uri)?.outline_json();
                return Ok(Answer::Cached(p.text_document.uri, Cached::Outline));
            }
            req::Formatting::METHOD => {
                let p: lsp_types::DocumentFormattingParams = parse_params(params)?;
                let document = self.document(&p.text_document.uri)?;
                serde_json::to_string(&formatting::format(document))
            }
            req::SemanticTokensFullRequest::METHOD => {
                let p: lsp_types::SemanticTokensParams = parse_params(params)?;
                self.document(&p.text_document.uri)?.tokens_json();
                return Ok(Answer::Cached(p.text_document.uri, Cached::Tokens));
            }
            _ => {
                return Err(Failure::new(
                    ErrorCode::MethodNotFound,
                    format!("rtxlint does not handle {method}"),
                ));
            }
        };
        Ok(Answer::Json(result.expect("LSP types serialize")))
    }

    fn notification(&mut self, n: Notification) -> Option<i32> {
        if n.method == notif::Exit::METHOD {
            return Some(if self.state == State::ShuttingDown {
                0
            } else {
                1
            });
        }
        if self.state != State::Running {
            return None;
        }
        let result = match n.method.as_str() {
            notif::DidOpenTextDocument::METHOD => {
                parse_params(n.params).map(|p: lsp_types::DidOpenTextDocumentParams| {
                    let d = p.text_document;
                    let uri = d.uri.clone();
                    let settings = self.settings_for(&uri);
                    self.documents.open(OpenDocument::new(
                        d.uri,
                        d.version,
                        d.text,
                        self.encoding,
                        settings,
                    ));
                    self.mark_dirty(uri);
                    self.project_stale = true;
                })
            }
            notif::DidChangeTextDocument::METHOD => {
                parse_params(n.params).map(|p: lsp_types::DidChangeTextDocumentParams| {
                    let uri = p.text_document.uri;
                    if let Some(document) = self.documents.get_mut(&uri) {
                        document.apply(p.text_document.version, p.content_changes);
                        self.mark_dirty(uri);
                        self.project_stale = true;
                    }
                })
            }
            notif::DidSaveTextDocument::METHOD => {
                parse_params(n.params).map(|p: lsp_types::DidSaveTextDocumentParams| {
                    // A save is when an edited `rtxlint.toml` next to the file is picked up
                    // by clients that cannot watch files.
                    let uri = p.text_document.uri;
                    let settings = self.settings_for(&uri);
                    if let Some(path) = crate::settings::file_path(&uri) {
                        // The saved file is what the workspace's other configs see once it
                        // is closed.
                        self.workspace.read(&path, self.encoding);
                    }
                    if let Some(document) = self.documents.get_mut(&uri) {
                        document.set_settings(settings);
                        self.mark_dirty(uri);
                    }
                    self.project_stale = true;
                })
            }
            notif::DidCloseTextDocument::METHOD => {
                parse_params(n.params).map(|p: lsp_types::DidCloseTextDocumentParams| {
                    let uri = p.text_document.uri;
                    if self.documents.close(&uri).is_some() {
                        // Clear what the editor shows for a file no longer open.
                        self.dirty.retain(|u| u != &uri);
                        let params = lsp_types::PublishDiagnosticsParams {
                            uri,
                            diagnostics: Vec::new(),
                            version: None,
                        };
                        self.notify::<notif::PublishDiagnostics>(params);
                        self.project_stale = true;
                    }
                })
            }
            notif::DidChangeConfiguration::METHOD => {
                parse_params(n.params).map(|p: lsp_types::DidChangeConfigurationParams| {
                    let (client, problems) =
                        ClientOptions::from_json(Some(&p.settings), self.client.locale);
                    self.client = client;
                    for problem in problems {
                        self.show_message(MessageType::WARNING, problem);
                    }
                    self.reported.clear();
                    self.refresh_settings();
                })
            }
            notif::DidChangeWatchedFiles::METHOD => {
                // `rtxlint.toml` files, and the configs of the workspace folders: one
                // changed, appeared or went away.
                parse_params(n.params).map(|p: lsp_types::DidChangeWatchedFilesParams| {
                    let mut settings_changed = false;
                    for change in &p.changes {
                        let Some(path) = crate::settings::file_path(&change.uri) else {
                            continue;
                        };
                        if path
                            .file_name()
                            .is_some_and(|n| n == rtx_linter::config_file::FILE_NAME)
                        {
                            settings_changed = true;
                        } else {
                            self.workspace.read(&path, self.encoding);
                            self.project_stale = true;
                        }
                    }
                    if settings_changed {
                        self.reported.clear();
                        self.refresh_settings();
                        self.project_stale = true;
                    }
                })
            }
            notif::Initialized::METHOD => {
                if self.can_watch_files {
                    self.watch_project_files();
                }
                // The other ends of the open configs' VPNs may be on disk only.
                self.workspace.scan(self.encoding);
                self.project_stale = true;
                Ok(())
            }
            // `$/cancelRequest`, `$/setTrace` and anything else: nothing to do.
            _ => Ok(()),
        };
        if let Err(failure) = result {
            self.show_message(
                MessageType::ERROR,
                format!("rtxlint: {} ({})", failure.message, n.method),
            );
        }
        None
    }

    /// The settings for a document, reporting a broken project file once.
    fn settings_for(&mut self, uri: &Uri) -> Settings {
        let (settings, problem) = crate::settings::for_document(uri, &self.client);
        if let Some(problem) = problem
            && !self.reported.contains(&problem)
        {
            self.reported.push(problem.clone());
            self.show_message(MessageType::ERROR, problem);
        }
        settings
    }

    /// Re-reads every open document's settings; re-lints those whose settings changed.
    fn refresh_settings(&mut self) {
        let uris: Vec<Uri> = self.documents.iter_mut().map(|d| d.uri.clone()).collect();
        for uri in uris {
            let settings = self.settings_for(&uri);
            let changed = self
                .documents
                .get_mut(&uri)
                .is_some_and(|d| d.set_settings(settings));
            if changed {
                self.mark_dirty(uri);
            }
        }
    }

    /// Asks the client to tell us when any `rtxlint.toml` changes.
    fn watch_project_files(&mut self) {
        let options = lsp_types::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![
                lsp_types::FileSystemWatcher {
                    glob_pattern: lsp_types::GlobPattern::String(format!(
                        "**/{}",
                        rtx_linter::config_file::FILE_NAME
                    )),
                    kind: None,
                },
                // The configs whose tunnels may be the other ends of the open ones'.
                lsp_types::FileSystemWatcher {
                    glob_pattern: lsp_types::GlobPattern::String(
                        "**/*.{txt,rtx,conf,cfg}".to_string(),
                    ),
                    kind: None,
                },
            ],
        };
        let params = lsp_types::RegistrationParams {
            registrations: vec![lsp_types::Registration {
                id: "rtxlint-project-files".to_string(),
                method: notif::DidChangeWatchedFiles::METHOD.to_string(),
                register_options: Some(serde_json::to_value(options).expect("serializable")),
            }],
        };
        self.write(Message::Request(Request::new(
            lsp_server::RequestId::from("rtxlint-register-watch".to_string()),
            req::RegisterCapability::METHOD.to_string(),
            params,
        )));
    }

    fn mark_dirty(&mut self, uri: Uri) {
        if !self.dirty.contains(&uri) {
            self.dirty.push(uri);
        }
    }

    /// Runs the rules that see every config over the open documents and the workspace's
    /// configs on disk, and hands each open document its share; those whose share changed
    /// are linted and published again. A document alone (no other config with a tunnel)
    /// takes part in no run, and costs nothing here.
    fn check_project(&mut self) {
        // Open documents in URI order, with whether each has a tunnel.
        let mut open: Vec<(Uri, bool)> = self
            .documents
            .iter()
            .map(|d| (d.uri.clone(), d.has_tunnel()))
            .collect();
        open.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        // An open document stands for its file (compared by path: editors spell URIs
        // their own way).
        let open_paths: std::collections::BTreeSet<std::path::PathBuf> = open
            .iter()
            .filter_map(|(uri, _)| crate::settings::file_path(uri))
            .collect();
        let on_disk = self
            .workspace
            .disk()
            .filter(|(path, _)| !open_paths.contains(*path))
            .count();
        let in_run: Vec<&Uri> = open
            .iter()
            .filter(|(_, tunnel)| *tunnel)
            .map(|(uri, _)| uri)
            .collect();
        // By URI, what the run found for each open document that took part.
        let mut facts: Vec<(String, FileFacts)> = Vec::new();
        self.project_names.clear();
        // The run's settings (which rules, declared pairs, cloud peers) are those of its first
        // open document, as the CLI takes one settings file for a run.
        let settings = in_run
            .first()
            .and_then(|uri| self.documents.get(uri))
            .map(|d| d.settings().clone());
        let peers = match &settings {
            Some(settings) => self.read_peers(&settings.vpn_peers),
            None => Vec::new(),
        };
        if let Some(settings) = settings
            && (in_run.len() + on_disk >= 2 || !peers.is_empty())
        {
            let mut configs = Vec::new();
            let mut uris = Vec::new();
            for uri in &in_run {
                let document = self.documents.get(uri).expect("open");
                let name: Arc<str> = match crate::settings::file_path(uri) {
                    Some(path) => self.workspace.name_of(&path),
                    None => uri.as_str().into(),
                };
                configs.push(ProjectConfig {
                    name,
                    ends: document.vpn_ends().clone(),
                });
                uris.push((*uri).clone());
            }
            for (path, disk) in self.workspace.disk() {
                if !open_paths.contains(path) {
                    configs.push(disk.config.clone());
                    uris.push(disk.uri.clone());
                }
            }
            let found = rtx_linter::project::check_project(
                &Project::new(&configs, &settings.vpn_pairs, &settings).with_peers(&peers),
            );
            for ((config, uri), f) in configs.iter().zip(&uris).zip(found) {
                self.project_names
                    .insert(config.name.clone(), uri.as_str().to_string());
                // A run that says nothing of a document leaves it as if alone.
                if f != FileFacts::default() {
                    facts.push((uri.as_str().to_string(), f));
                }
            }
        }
        for (uri, _) in &open {
            let mine = facts
                .iter()
                .position(|(u, _)| u == uri.as_str())
                .map(|i| facts.swap_remove(i).1);
            let changed = self
                .documents
                .get_mut(uri)
                .is_some_and(|d| d.set_project(mine));
            if changed {
                self.mark_dirty(uri.clone());
            }
        }
    }

    /// Reads the cloud peers' configurations (`[[vpn.peer]]`), keeping their text for the
    /// positions of findings that point into them. One that cannot be read is reported once.
    fn read_peers(&mut self, paths: &[std::path::PathBuf]) -> Vec<CloudPeer> {
        self.peer_texts.clear();
        let mut peers = Vec::new();
        let lang = self.client.lang();
        for path in paths {
            let name = self.workspace.name_of(path);
            let read = std::fs::read(path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    CloudPeer::read_aws(name.clone(), &bytes)
                        .map(|peer| (peer, bytes))
                        .map_err(|e| {
                            tr!(lang, "server-not-aws", reason = e.to_string()).into_owned()
                        })
                });
            match read {
                Ok((peer, bytes)) => {
                    if let Some(uri) = crate::workspace::uri_of(path) {
                        let index = crate::line_index::LineIndex::new(&bytes, self.encoding);
                        self.peer_texts.insert(name, (uri, bytes, index));
                    }
                    peers.push(peer);
                }
                Err(e) => {
                    let problem = format!("rtxlint: {}: {e}", path.display());
                    if !self.reported.contains(&problem) {
                        self.reported.push(problem.clone());
                        self.show_message(MessageType::ERROR, problem);
                    }
                }
            }
        }
        peers
    }

    /// Where a place in another config of the last run (or a cloud peer's file) is.
    fn elsewhere(&self, file: &str, span: rtx_syntax::Span) -> Option<(Uri, lsp_types::Range)> {
        if let Some((uri, text, index)) = self.peer_texts.get(file) {
            return Some((uri.clone(), index.range(text, span)));
        }
        let uri: Uri = self.project_names.get(file)?.parse().ok()?;
        if let Some(document) = self.documents.get(&uri) {
            return Some((uri, document.range(span)));
        }
        let disk = self.workspace.by_name(file)?;
        Some((uri, disk.range(span)))
    }

    fn publish_dirty(&mut self) {
        for uri in std::mem::take(&mut self.dirty) {
            let Some(document) = self.documents.get(&uri) else {
                continue;
            };
            let params = features::diagnostics::publish_json(document, &|file, span| {
                self.elsewhere(file, span)
            });
            let _ = transport::write_notification_json(
                &mut self.out,
                notif::PublishDiagnostics::METHOD,
                &params,
            );
        }
    }

    fn document(&self, uri: &Uri) -> Result<&OpenDocument, Failure> {
        self.documents.get(uri).ok_or_else(|| not_open(uri))
    }

    fn show_message(&mut self, typ: MessageType, message: String) {
        self.notify::<notif::ShowMessage>(ShowMessageParams { typ, message });
    }

    fn notify<N: notif::Notification>(&mut self, params: N::Params) {
        let _ = transport::write_notification(&mut self.out, N::METHOD, &params);
    }

    fn write(&mut self, message: Message) {
        // A client that stopped reading will close our input too; the loop ends there.
        let _ = transport::write_message(&mut self.out, &message);
    }

    fn write_error(&mut self, id: Option<Value>, code: ErrorCode, message: &str) {
        let _ = transport::write_error(&mut self.out, id, code as i32, message);
    }
}

fn not_open(uri: &Uri) -> Failure {
    Failure::new(
        ErrorCode::InvalidParams,
        format!(
            "{} is not open (send textDocument/didOpen first)",
            uri.as_str()
        ),
    )
}

fn parse_params<P: DeserializeOwned>(params: Value) -> Result<P, Failure> {
    serde_json::from_value(params)
        .map_err(|e| Failure::new(ErrorCode::InvalidParams, format!("invalid params: {e}")))
}
