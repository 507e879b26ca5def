//! The log file: `<data folder>/logs/hoinghi.YYYY-MM-DD.log`, one per day, the last 14
//! kept, so a problem at the venue can be understood afterwards. It records what the app
//! did (files opened, imports, exports, refusals, panics) and never record contents
//! beyond counts: no names, no phone numbers.

use std::path::Path;

/// Starts writing the log under `data_dir`; without a writable folder the app runs on.
/// `quiet` names chatty modules (the windowing crates) and the least level kept of each.
pub fn init(data_dir: &Path, quiet: &[(&str, tracing::Level)]) -> Result<(), String> {
    use tracing_appender::rolling::{Builder, Rotation};
    use tracing_subscriber::layer::SubscriberExt as _;
    // The appender prunes old logs before it creates the folder, and on a first start
    // printed "Error reading the log directory" to the terminal.
    let dir = data_dir.join("logs");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let appender = Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix("hoinghi")
        .filename_suffix("log")
        .max_log_files(14)
        .build(dir)
        .map_err(|e| e.to_string())?;
    let targets = quiet.iter().fold(
        tracing_subscriber::filter::Targets::new().with_default(tracing::Level::INFO),
        |t, (target, level)| t.with_target(*target, *level),
    );
    let subscriber = tracing_subscriber::fmt()
        .with_writer(appender)
        .with_ansi(false)
        .finish()
        .with(targets);
    tracing::subscriber::set_global_default(subscriber).map_err(|e| e.to_string())?;
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "hoinghi started");
    Ok(())
}

/// Logs every panic (with where it happened) before the default report.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        tracing::error!("panic: {info}");
        default(info);
    }));
}
