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
    let list = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .map(|e| e.unwrap())
                    .filter(|e| e.file_type().unwrap().is_file())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    let mut names = list(fresh.path());
    assert_eq!(
        names.len(),
        7,
        "bash, zsh, fish, powershell, elvish, nushell and the man page"
    );
    let pages = list(&fresh.path().join("man"));
    assert!(
        pages.contains(&"git-crm-timeline.1".to_string()),
        "{pages:?}"
    );
    assert!(
        pages.contains(&"git-crm-customer-add.1".to_string()),
        "{pages:?}"
    );
    names.extend(pages.iter().map(|p| format!("man/{p}")));
    // A page for a command that no longer exists is stale too.
    for old in list(&committed.join("man")) {
        if !pages.contains(&old) {
            if update {
                std::fs::remove_file(committed.join("man").join(&old)).unwrap();
            } else {
                stale.push(format!("man/{old}"));
            }
        }
    }
    for name in names {
        let generated = std::fs::read(fresh.path().join(&name)).unwrap();
        let path = committed.join(&name);
        if std::fs::read(&path).ok().as_ref() != Some(&generated) {
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &generated).unwrap();
            } else {
                stale.push(name.clone());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale files in completions/: {stale:?}; run UPDATE_COMPLETIONS=1 cargo test --test cli completions"
    );
}

/// After the README's install step, `git crm --help` is the man page (git turns `--help` into
/// `git help crm`, that is `man git-crm`), and each subcommand has its own page.
#[test]
fn git_crm_help_opens_the_man_page() {
    if std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(std::env::var("CI").is_err(), "man must exist in CI");
        eprintln!("skipped: man is not installed");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let man_dir = home.path().join("share/man/man1");
    assert_cmd::Command::cargo_bin("git-crm")
        .unwrap()
        .args(["completions", "--man-dir"])
        .arg(&man_dir)
        .assert()
        .success();
    // git finds `git-crm` on PATH, as after `cargo install`.
    let bin = Path::new(env!("CARGO_BIN_EXE_git-crm")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    for (program, args) in [
        ("git", &["crm", "--help"][..]),
        ("man", &["git-crm-timeline"]),
    ] {
        let out = std::process::Command::new(program)
            .args(args)
            .env("PATH", &path)
            .env("MANPATH", home.path().join("share/man"))
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env("MANWIDTH", "80")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", home.path().join(".gitconfig"))
            .env_remove("GIT_PAGER")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains("git-crm"), "{args:?}: {text}");
    }
    // `git crm help <command>` prints the command's help.
    let out = assert_cmd::Command::cargo_bin("git-crm")
        .unwrap()
        .args(["help", "timeline"])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("Usage: git-crm timeline"));
}
