//! The committed completion scripts and man page under `completions/` match what the binary
//! generates. Regenerate with `UPDATE_COMPLETIONS=1 cargo test --test cli completions`.

use std::path::Path;

#[test]
fn completions_are_fresh() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let fresh = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("git-crm")
        .unwrap()
        .args(["completions", "--dir"])
        .arg(fresh.path())
        .assert()
        .success();
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some();
    let mut stale = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(fresh.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        7,
        "bash, zsh, fish, powershell, elvish, nushell and the man page"
    );
    for name in names {
        let generated = std::fs::read(fresh.path().join(&name)).unwrap();
        let path = committed.join(&name);
        if std::fs::read(&path).ok().as_ref() != Some(&generated) {
            if update {
                std::fs::create_dir_all(&committed).unwrap();
                std::fs::write(&path, &generated).unwrap();
            } else {
                stale.push(name.to_string_lossy().into_owned());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale files in completions/: {stale:?}; run UPDATE_COMPLETIONS=1 cargo test --test cli completions"
    );
}
