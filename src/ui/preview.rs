//! The export page's preview: the pages of the chosen list as they will print, drawn
//! from the very PDF that is saved or printed (hayro renders it on the CPU).
//!
//! Two threads do the work: one builds the PDF — first a short version of one or two
//! pages, shown at once, then the whole list — and one renders the page asked for at the
//! size it is shown. The window only swaps textures in.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use egui::{ColorImage, TextureHandle, TextureOptions};

use crate::export::{ListKind, Options};

/// What a preview shows: the list, its options and the data it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub kind: ListKind,
    pub options: Options,
    pub generation: u64,
}

/// A PDF as built, possibly the short first version.
#[derive(Debug, Clone)]
pub struct Built {
    pub key: Key,
    pub pdf: Arc<Vec<u8>>,
    pub pages: usize,
    /// The whole list (not the short first version).
    pub complete: bool,
}

#[derive(Debug)]
enum Message {
    Built(Built),
    Failed(Key, String),
    Page {
        key: Key,
        page: usize,
        width: u32,
        pdf: Arc<Vec<u8>>,
        image: ColorImage,
    },
}

/// A page rendered: which list and page it shows, from which PDF, at what width.
struct Texture {
    key: Key,
    page: usize,
    width: u32,
    pdf: Arc<Vec<u8>>,
    handle: TextureHandle,
}

/// The preview's state, kept by the export page.
pub struct Preview {
    pub key: Option<Key>,
    pub built: Option<Built>,
    pub error: Option<String>,
    pub page: usize,
    /// None: as wide as the pane; else this many pixels wide.
    pub zoom: Option<f32>,
    texture: Option<Texture>,
    /// What the pane drew last: the list and page its picture was rendered from.
    pub drawn: Option<(Key, usize)>,
    asked: Option<(usize, u32)>,
    tx: Sender<Message>,
    rx: Receiver<Message>,
    renderer: Option<Sender<(Built, usize, u32)>>,
}

impl std::fmt::Debug for Preview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Preview")
            .field("key", &self.key)
            .field("page", &self.page)
            .field("pages", &self.built.as_ref().map(|b| b.pages))
            .finish_non_exhaustive()
    }
}

impl Default for Preview {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            key: None,
            built: None,
            error: None,
            page: 0,
            zoom: None,
            texture: None,
            drawn: None,
            asked: None,
            tx,
            rx,
            renderer: None,
        }
    }
}

/// A short list builds in milliseconds; its first pages show while the rest is built.
pub const FIRST_ROWS: usize = 45;

impl Preview {
    /// Whether the preview shows something else than `key` (and must be built anew).
    pub fn stale(&self, key: &Key) -> bool {
        self.key.as_ref() != Some(key)
    }

    /// Starts building the preview of `key`: `build(first_rows)` makes the PDF, of the
    /// first rows only or (`None`) of all; it runs on a thread of its own.
    pub fn start(
        &mut self,
        key: Key,
        ctx: &egui::Context,
        build: impl Fn(Option<usize>) -> crate::error::Result<(Vec<u8>, usize)> + Send + 'static,
    ) {
        self.key = Some(key.clone());
        self.error = None;
        self.asked = None;
        if self.built.as_ref().is_some_and(|b| b.key.kind != key.kind) {
            self.page = 0;
        }
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("preview-build".into())
            .spawn(move || {
                for (first, complete) in [(Some(FIRST_ROWS), false), (None, true)] {
                    let message = match build(first) {
                        Ok((pdf, rows)) => {
                            let pages = page_count(&pdf);
                            let done = complete || rows <= FIRST_ROWS;
                            Message::Built(Built {
                                key: key.clone(),
                                pdf: Arc::new(pdf),
                                pages,
                                complete: done,
                            })
                        }
                        Err(e) => Message::Failed(key.clone(), e.to_string()),
                    };
                    let stop = matches!(&message, Message::Built(b) if b.complete)
                        || matches!(message, Message::Failed(..));
                    if tx.send(message).is_err() {
                        return;
                    }
                    ctx.request_repaint();
                    if stop {
                        return;
                    }
                }
            });
        if let Err(e) = spawned {
            self.error = Some(e.to_string());
        }
    }

    /// Takes in what the threads finished.
    pub fn poll(&mut self, ctx: &egui::Context) {
        loop {
            match self.rx.try_recv() {
                Ok(Message::Built(b)) if self.key.as_ref() == Some(&b.key) => {
                    // A short version never replaces a whole one of the same list.
                    if !b.complete
                        && self
                            .built
                            .as_ref()
                            .is_some_and(|old| old.key == b.key && old.complete)
                    {
                        continue;
                    }
                    self.page = self.page.min(b.pages.saturating_sub(1));
                    self.built = Some(b);
                    self.asked = None;
                }
                Ok(Message::Failed(key, e)) if self.key.as_ref() == Some(&key) => {
                    self.error = Some(e);
                }
                Ok(Message::Page {
                    key,
                    page,
                    width,
                    pdf,
                    image,
                }) if self.key.as_ref() == Some(&key) => {
                    let handle = ctx.load_texture("preview-page", image, TextureOptions::LINEAR);
                    self.texture = Some(Texture {
                        key,
                        page,
                        width,
                        pdf,
                        handle,
                    });
                }
                Ok(_) => {}
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return,
            }
        }
    }

    /// The picture of the page shown, asking for it at `width` pixels when it is missing,
    /// of another width, or from an earlier PDF. Only a picture of the list, options and
    /// page chosen now is given: one of the list before is never drawn in its place (it
    /// was, on page 1, until the page was turned).
    pub fn texture(&mut self, width: u32, ctx: &egui::Context) -> Option<&TextureHandle> {
        self.drawn = None;
        let built = self.built.clone()?;
        let key = built.key.clone();
        let want = (self.page, width);
        let fresh = self.texture.as_ref().is_some_and(|t| {
            t.key == built.key && (t.page, t.width) == want && Arc::ptr_eq(&t.pdf, &built.pdf)
        });
        if !fresh && self.asked != Some(want) {
            self.asked = Some(want);
            self.ask(built, want, ctx);
        }
        // The same page of the same choice at another width (or from the short first
        // version) stands in until the new picture comes.
        let t = self
            .texture
            .as_ref()
            .filter(|t| self.key.as_ref() == Some(&t.key) && t.key == key && t.page == self.page)?;
        self.drawn = Some((t.key.clone(), t.page));
        Some(&t.handle)
    }

    fn ask(&mut self, built: Built, (page, width): (usize, u32), ctx: &egui::Context) {
        if self.renderer.is_none() {
            let (req_tx, req_rx) = channel::<(Built, usize, u32)>();
            let tx = self.tx.clone();
            let ctx = ctx.clone();
            let _ = std::thread::Builder::new()
                .name("preview-render".into())
                .spawn(move || {
                    while let Ok(mut req) = req_rx.recv() {
                        // Only the newest request matters.
                        while let Ok(newer) = req_rx.try_recv() {
                            req = newer;
                        }
                        let (built, page, width) = req;
                        if let Some(image) = render(&built.pdf, page, width) {
                            let _ = tx.send(Message::Page {
                                key: built.key,
                                page,
                                width,
                                pdf: built.pdf,
                                image,
                            });
                            ctx.request_repaint();
                        }
                    }
                });
            self.renderer = Some(req_tx);
        }
        if let Some(r) = &self.renderer {
            let _ = r.send((built, page, width));
        }
    }

    /// The page's size in points (width, height), for the layout before it is drawn.
    pub fn page_size(&self) -> (f32, f32) {
        self.built
            .as_ref()
            .and_then(|b| page_dimensions(&b.pdf, self.page))
            .unwrap_or((595.0, 842.0))
    }
}

fn page_count(pdf: &[u8]) -> usize {
    hayro::hayro_syntax::Pdf::new(pdf.to_vec()).map_or(0, |p| p.pages().len())
}

fn page_dimensions(pdf: &[u8], page: usize) -> Option<(f32, f32)> {
    let pdf = hayro::hayro_syntax::Pdf::new(pdf.to_vec()).ok()?;
    let pages = pdf.pages();
    pages
        .get(page)
        .map(hayro::hayro_syntax::page::Page::render_dimensions)
}

/// Page `page` of `pdf`, `width` pixels wide, on white.
pub fn render(pdf: &[u8], page: usize, width: u32) -> Option<ColorImage> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings};
    let pdf = hayro::hayro_syntax::Pdf::new(pdf.to_vec()).ok()?;
    let pages = pdf.pages();
    let p = pages.get(page)?;
    let (w, _) = p.render_dimensions();
    let scale = (f32::from(u16::try_from(width).unwrap_or(u16::MAX)) / w).clamp(0.1, 4.0);
    let cache = RenderCache::new();
    let pixmap = hayro::render(
        p,
        &cache,
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        },
    );
    let size = [usize::from(pixmap.width()), usize::from(pixmap.height())];
    Some(ColorImage::from_rgba_premultiplied(
        size,
        pixmap.data_as_u8_slice(),
    ))
}
