//! Entry point: run a headless command, or open the window on a conference file.

use std::process::ExitCode;

use clap::Parser as _;
use hoinghi::cli::Cli;

/// Imports allocate millions of small strings across threads; glibc's per-thread arenas
/// spent a fifth of an import in malloc, free and mprotect.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    hoinghi::logs::install_panic_hook();
    let result = if let Some(command) = cli.command {
        hoinghi::cli::run(command).map_err(anyhow::Error::from)
    } else {
        let file = cli
            .file
            .unwrap_or_else(hoinghi::paths::default_conference_file);
        hoinghi::ui::run(file)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {}", hoinghi::cli::report(&e));
            ExitCode::from(1)
        }
    }
}
