//! Puts the app icon and version details into the Windows exe (Explorer, taskbar, the
//! installer's shortcuts). Other targets need nothing.

fn main() {
    println!("cargo:rerun-if-changed=src/build.rs");
    println!("cargo:rerun-if-changed=assets/icon.ico");
    // The target, not the machine building: the Windows exe is cross-built on Linux.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        let mut res = winresource::WindowsResource::new();
        res.set_icon("assets/icon.ico")
            .set("ProductName", "hoinghi")
            .set("FileDescription", "hoinghi - Hội nghị")
            .set_language(0x042a); // Vietnamese
        if let Err(e) = res.compile() {
            panic!("cannot embed the icon (is x86_64-w64-mingw32-windres installed?): {e}");
        }
    }
}
