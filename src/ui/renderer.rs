//! Which graphics renderer draws the window, and falling back to the other one.
//!
//! glow (OpenGL) fails where only OpenGL 1.1 exists (Windows' basic display driver, remote
//! desktop, some virtual machines); wgpu (DirectX 12, Vulkan, or GL through Mesa) fails on
//! other machines. eframe does not fall back by itself, so the window is started with the
//! renderer that suits the platform and, when it cannot start, with the other one. What
//! drew is remembered in the data folder. A renderer that took the whole process down
//! before drawing (a driver crash cannot be caught) is marked by a "pending" file written
//! before it starts and removed once it has drawn; the next start tries it last.

use std::path::{Path, PathBuf};
use std::str::FromStr as _;

pub use eframe::Renderer;

/// The variable that chooses a renderer, as `--renderer` does.
pub const ENV: &str = "HOINGHI_RENDERER";

const REMEMBERED: &str = "renderer.txt";
const PENDING: &str = "renderer-pending.txt";

/// The first choice on this platform: DirectX 12 or Vulkan through wgpu on Windows, where
/// OpenGL drivers are often missing; OpenGL on Linux, where Mesa always offers it.
pub fn preferred() -> [Renderer; 2] {
    if cfg!(windows) {
        [Renderer::Wgpu, Renderer::Glow]
    } else {
        [Renderer::Glow, Renderer::Wgpu]
    }
}

/// Reads a renderer's name ("glow", "wgpu", any case).
pub fn parse(name: &str) -> Option<Renderer> {
    Renderer::from_str(name.trim()).ok()
}

/// The renderers to try, in order. A forced one is tried alone; otherwise the one that
/// worked last time goes first and one that crashed before drawing goes last.
pub fn order(
    forced: Option<Renderer>,
    remembered: Option<Renderer>,
    crashed: Option<Renderer>,
) -> Vec<Renderer> {
    if let Some(r) = forced {
        return vec![r];
    }
    let mut order = preferred().to_vec();
    if let Some(r) = remembered {
        order.retain(|x| *x != r);
        order.insert(0, r);
    }
    if let Some(r) = crashed {
        order.retain(|x| *x != r);
        order.push(r);
    }
    order
}

/// The two small files in the data folder that remember renderers between runs.
#[derive(Debug, Clone)]
pub struct Memory {
    dir: PathBuf,
}

impl Memory {
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_owned(),
        }
    }

    fn read(&self, name: &str) -> Option<Renderer> {
        parse(&std::fs::read_to_string(self.dir.join(name)).ok()?)
    }

    fn write(&self, name: &str, r: Renderer) {
        let _ = std::fs::create_dir_all(&self.dir);
        if let Err(e) = std::fs::write(self.dir.join(name), r.to_string()) {
            tracing::warn!("cannot write {name}: {e}");
        }
    }

    /// The renderer that drew last time.
    pub fn remembered(&self) -> Option<Renderer> {
        self.read(REMEMBERED)
    }

    /// A renderer that was starting when the process last ended without drawing.
    pub fn crashed(&self) -> Option<Renderer> {
        self.read(PENDING)
    }

    /// Marks `r` as starting (until `drew`).
    pub fn starting(&self, r: Renderer) {
        self.write(PENDING, r);
    }

    /// `r` drew the window: it goes first next time.
    pub fn drew(&self, r: Renderer) {
        self.write(REMEMBERED, r);
        let _ = std::fs::remove_file(self.dir.join(PENDING));
    }

    /// `r` failed cleanly (an error, not a crash): it is no longer pending.
    pub fn failed(&self) {
        let _ = std::fs::remove_file(self.dir.join(PENDING));
        let _ = std::fs::remove_file(self.dir.join(REMEMBERED));
    }
}

/// How one attempt ended.
#[derive(Debug)]
pub enum Attempt {
    /// The window opened and was closed (or failed after drawing: not retried, the user
    /// has seen it).
    Done(Result<(), String>),
    /// The renderer could not start; the reason.
    NoStart(String),
}

/// Tries each renderer in `order` until one starts. `attempt` runs the window with one
/// renderer. Returns the reasons of every failure when none started.
///
/// # Errors
/// One line per renderer tried and why it could not start; or the error of a window
/// that drew and then failed.
pub fn run_first_that_starts(
    order: &[Renderer],
    memory: &Memory,
    mut attempt: impl FnMut(Renderer) -> Attempt,
) -> Result<(), String> {
    let mut reasons = Vec::new();
    for &r in order {
        memory.starting(r);
        tracing::info!("starting the window with {r}");
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| attempt(r)))
            .unwrap_or_else(|payload| Attempt::NoStart(panic_text(payload.as_ref())));
        match outcome {
            Attempt::Done(result) => return result,
            Attempt::NoStart(why) => {
                tracing::warn!("{r} could not start: {why}");
                memory.failed();
                reasons.push(format!("{r}: {why}"));
            }
        }
    }
    Err(reasons.join("\n"))
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}

/// Says that no renderer could draw the window, in the log and a message box; returns
/// the message for the terminal.
pub fn tell_none_started(reasons: &str) -> String {
    let text = format!(
        "Không mở được cửa sổ: máy này không có trình điều khiển đồ họa dùng được \
         (OpenGL 2 hoặc DirectX 12/Vulkan).\n\n{reasons}\n\n\
         Hãy cập nhật driver card màn hình, hoặc dùng dòng lệnh (hoinghi --help)."
    );
    tracing::error!("no renderer started: {reasons}");
    let _ = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("hoinghi")
        .set_description(&text)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_puts_what_worked_first_and_what_crashed_last() {
        let [first, second] = preferred();
        assert_eq!(order(None, None, None), vec![first, second]);
        assert_eq!(order(Some(second), Some(first), None), vec![second]);
        assert_eq!(order(None, Some(second), None), vec![second, first]);
        assert_eq!(order(None, None, Some(first)), vec![second, first]);
        // Worked once, then crashed the last start: crash wins.
        assert_eq!(order(None, Some(first), Some(first)), vec![second, first]);
    }

    #[test]
    fn names_parse_in_any_case() {
        assert_eq!(parse("GLOW\n"), Some(Renderer::Glow));
        assert_eq!(parse("wgpu"), Some(Renderer::Wgpu));
        assert_eq!(parse("vulkan"), None);
    }

    #[test]
    fn a_failed_renderer_falls_back_and_the_one_that_drew_is_remembered() {
        let dir = tempfile::tempdir().expect("temp dir");
        let memory = Memory::new(dir.path());
        let mut tried = Vec::new();
        let result = run_first_that_starts(&[Renderer::Wgpu, Renderer::Glow], &memory, |r| {
            tried.push(r);
            assert!(
                r != Renderer::Wgpu,
                "The surface isn't supported by this adapter"
            );
            memory.drew(r);
            Attempt::Done(Ok(()))
        });
        assert!(result.is_ok());
        assert_eq!(tried, [Renderer::Wgpu, Renderer::Glow]);
        assert_eq!(memory.remembered(), Some(Renderer::Glow));
        assert_eq!(memory.crashed(), None);
    }

    #[test]
    fn none_starting_names_each_reason_and_a_crash_is_remembered() {
        let dir = tempfile::tempdir().expect("temp dir");
        let memory = Memory::new(dir.path());
        let result = run_first_that_starts(&[Renderer::Glow, Renderer::Wgpu], &memory, |r| {
            Attempt::NoStart(format!("no {r} here"))
        });
        let reasons = result.expect_err("none started");
        assert!(reasons.contains("glow: no glow here"), "{reasons}");
        assert!(reasons.contains("wgpu: no wgpu here"), "{reasons}");
        // A process that dies while starting leaves its renderer pending.
        memory.starting(Renderer::Wgpu);
        assert_eq!(memory.crashed(), Some(Renderer::Wgpu));
        assert_eq!(
            order(None, memory.remembered(), memory.crashed())
                .last()
                .copied(),
            Some(Renderer::Wgpu)
        );
    }

    #[test]
    fn a_window_that_drew_is_not_started_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let memory = Memory::new(dir.path());
        let mut tries = 0;
        let result = run_first_that_starts(&[Renderer::Glow, Renderer::Wgpu], &memory, |_| {
            tries += 1;
            Attempt::Done(Err("lost the device".into()))
        });
        assert_eq!(tries, 1);
        assert_eq!(result.expect_err("failed"), "lost the device");
    }
}
