//! Entry point: run a headless command, or open the window on a conference file.

// No console window behind the app when it is started from the Start menu; a command
// typed in a terminal attaches to that terminal instead (`attach_console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser as _;
use hoinghi::cli::Cli;

/// Imports allocate millions of small strings across threads; glibc's per-thread arenas
/// spent a fifth of an import in malloc, free and mprotect.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    attach_console();
    let cli = Cli::parse();
    hoinghi::logs::install_panic_hook();
    if let Err(e) = hoinghi::cli_lock::take_passphrase(cli.passphrase_file.as_deref()) {
        eprintln!("Lỗi: {e}");
        return ExitCode::from(1);
    }
    let result = if let Some(command) = cli.command {
        hoinghi::cli::run(command).map_err(anyhow::Error::from)
    } else {
        let file = cli
            .file
            .unwrap_or_else(hoinghi::paths::default_conference_file);
        hoinghi::ui::run(&file, cli.renderer.map(Into::into))
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {}", hoinghi::cli::report(&e));
            ExitCode::from(1)
        }
    }
}

/// Lets a command typed in a Windows terminal print there. Output redirected to a file or
/// a pipe already has its handles and is left alone.
#[cfg(windows)]
#[allow(unsafe_code)] // two Win32 calls, no memory handed over
fn attach_console() {
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
    };
    // SAFETY: both calls take plain values and only change this process's console.
    unsafe {
        if GetStdHandle(STD_OUTPUT_HANDLE).is_null() {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

#[cfg(not(windows))]
fn attach_console() {}
