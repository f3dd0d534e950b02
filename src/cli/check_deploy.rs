//! `phoihop check --deployment`: the setgid install (docs/deployment.md) checked as it
//! stands, each problem named with its fix. Reads only (`stat`, `statfs`, `/etc/passwd`,
//! `/etc/group`, `systemctl is-enabled`); exit 1 when a problem is found.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::output;
use super::Context;
use crate::error::{Error, Result};
use crate::lang::deploy::{Finding, Fix, Unreadable};
use crate::lang::Lang;

/// The backup timer the package installs.
pub const BACKUP_TIMER: &str = "phoihop-backup.timer";

/// One finding: a problem and its fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub what: Finding,
    pub fix: Fix,
}

/// What the check found: problems, and what it could not check.
#[derive(Debug, Default)]
pub struct Report {
    pub ok: Vec<Finding>,
    pub problems: Vec<Problem>,
    pub unchecked: Vec<Finding>,
}

impl Report {
    fn problem(&mut self, what: Finding, fix: Fix) {
        self.problems.push(Problem { what, fix });
    }
}

/// What the check looks at.
#[derive(Debug, Clone)]
pub struct Target {
    pub binary: PathBuf,
    pub database: PathBuf,
    pub config: PathBuf,
}

fn mode(m: &std::fs::Metadata) -> u32 {
    m.mode() & 0o7777
}

fn group_name(gid: u32) -> String {
    nix::unistd::Group::from_gid(nix::unistd::Gid::from_raw(gid))
        .ok()
        .flatten()
        .map(|g| g.name)
        .unwrap_or_else(|| gid.to_string())
}

/// The binary: root's, in a group of its own (not root's), mode 2755.
fn binary(r: &mut Report, t: &Target) -> Option<u32> {
    let b = t.binary.display().to_string();
    let m = match std::fs::metadata(&t.binary) {
        Ok(m) => m,
        Err(e) => {
            r.problem(
                Finding::BinaryUnreadable {
                    path: b,
                    why: Unreadable::from(&e),
                },
                Fix::Reinstall,
            );
            return None;
        }
    };
    let gid = m.gid();
    if gid == 0 {
        r.problem(
            Finding::BinaryInRootGroup { path: b.clone() },
            Fix::RunOr(
                format!("sudo dpkg-statoverride --update --add root phoihop 2755 {b}"),
                format!("sudo chgrp phoihop {b} && sudo chmod 2755 {b}"),
            ),
        );
        return None;
    }
    let g = group_name(gid);
    if m.uid() != 0 {
        r.problem(
            Finding::BinaryOwner {
                path: b.clone(),
                uid: m.uid(),
            },
            Fix::Run(format!("sudo chown root:{g} {b} && sudo chmod 2755 {b}")),
        );
    }
    if mode(&m) != 0o2755 {
        r.problem(
            Finding::BinaryMode {
                path: b.clone(),
                mode: mode(&m),
            },
            Fix::Run(format!("sudo chmod 2755 {b}")),
        );
    } else {
        r.ok.push(Finding::BinaryRight { path: b, group: g });
    }
    Some(gid)
}

/// A person: an account with uid ≥ 1000 and a login shell.
fn is_person(uid: u32, shell: &str) -> bool {
    uid >= 1000 && !shell.ends_with("/nologin") && !shell.ends_with("/false") && !shell.is_empty()
}

/// Nobody may be in the group: no listed member, no person whose primary group it is.
fn members(r: &mut Report, gid: u32) {
    let g = group_name(gid);
    let mut found = Vec::new();
    if let Ok(Some(group)) = nix::unistd::Group::from_gid(nix::unistd::Gid::from_raw(gid)) {
        found.extend(group.mem);
    }
    if let Ok(passwd) = std::fs::read_to_string("/etc/passwd") {
        for line in passwd.lines() {
            let f: Vec<&str> = line.split(':').collect();
            if f.len() < 7 {
                continue;
            }
            let (uid, pgid) = (f[2].parse::<u32>(), f[3].parse::<u32>());
            if let (Ok(uid), Ok(pgid)) = (uid, pgid) {
                if pgid == gid && is_person(uid, f[6]) && !found.iter().any(|x| x == f[0]) {
                    found.push(f[0].to_string());
                }
            }
        }
    }
    if found.is_empty() {
        r.ok.push(Finding::GroupEmpty { group: g });
    } else {
        let fix: Vec<String> = found
            .iter()
            .map(|u| format!("sudo gpasswd -d {u} {g}"))
            .collect();
        r.problem(
            Finding::GroupMembers {
                group: g,
                members: found,
            },
            Fix::RemoveMembers(fix),
        );
    }
}

/// A network filesystem's finding, by its `statfs` magic number.
pub fn network_problem(dir: &Path, magic: i64) -> Option<Problem> {
    crate::store::fs::network_fs_name(magic).map(|name| Problem {
        what: Finding::NetworkFs {
            dir: dir.display().to_string(),
            fs: name.to_string(),
        },
        fix: Fix::MoveToLocalDisk,
    })
}

/// The directory: root:GROUP 2770 on a local disk.
fn directory(r: &mut Report, t: &Target, gid: u32) {
    let g = group_name(gid);
    let dir = crate::store::fs::containing_dir(&t.database);
    let d = dir.display().to_string();
    let m = match std::fs::metadata(&dir) {
        Ok(m) => m,
        Err(e) => {
            r.problem(
                Finding::DirUnreadable {
                    dir: d.clone(),
                    why: Unreadable::from(&e),
                },
                Fix::Run(format!("sudo install -d -o root -g {g} -m 2770 {d}")),
            );
            return;
        }
    };
    let before = r.problems.len();
    if m.uid() != 0 || m.gid() != gid {
        r.problem(
            Finding::DirOwner {
                dir: d.clone(),
                uid: m.uid(),
                group: group_name(m.gid()),
                want: g.clone(),
            },
            Fix::Run(format!("sudo chown root:{g} {d}")),
        );
    }
    if mode(&m) != 0o2770 {
        r.problem(
            Finding::DirMode {
                dir: d.clone(),
                mode: mode(&m),
            },
            Fix::Run(format!("sudo chmod 2770 {d}")),
        );
    }
    #[cfg(target_os = "linux")]
    if let Ok(st) = nix::sys::statfs::statfs(&dir) {
        #[allow(clippy::unnecessary_cast)]
        if let Some(p) = network_problem(&dir, st.filesystem_type().0 as i64) {
            r.problems.push(p);
        }
    }
    if r.problems.len() == before {
        r.ok.push(Finding::DirRight { dir: d, group: g });
    }
}

/// The database and its -wal and -shm: 0660 with the group.
fn files(r: &mut Report, t: &Target, gid: u32) {
    let g = group_name(gid);
    let [wal, shm] = crate::store::fs::sidecars(&t.database);
    for (p, required) in [(t.database.clone(), true), (wal, false), (shm, false)] {
        let s = p.display().to_string();
        match std::fs::symlink_metadata(&p) {
            Ok(m) => {
                let mut fine = true;
                if !m.file_type().is_file() {
                    r.problem(
                        Finding::NotPlainFile { path: s.clone() },
                        Fix::RemoveFile(s),
                    );
                    continue;
                }
                if m.gid() != gid {
                    fine = false;
                    r.problem(
                        Finding::FileGroup {
                            path: s.clone(),
                            group: group_name(m.gid()),
                            want: g.clone(),
                        },
                        Fix::Run(format!("sudo chgrp {g} {s}")),
                    );
                }
                if mode(&m) != 0o660 {
                    fine = false;
                    r.problem(
                        Finding::FileMode {
                            path: s.clone(),
                            mode: mode(&m),
                        },
                        Fix::Run(format!("sudo chmod 0660 {s}")),
                    );
                }
                if fine {
                    r.ok.push(Finding::FileRight {
                        path: s,
                        group: g.clone(),
                    });
                }
            }
            Err(_) if !required => {}
            Err(e) => r.problem(
                Finding::DbUnreadable {
                    path: s.clone(),
                    why: Unreadable::from(&e),
                },
                Fix::Run(format!("sudo phoihop --db {s} init")),
            ),
        }
    }
}

/// The system config file: root's, writable by nobody else.
fn config(r: &mut Report, t: &Target) {
    let c = t.config.display().to_string();
    match std::fs::metadata(&t.config) {
        Ok(m) if m.uid() == 0 && mode(&m) & 0o022 == 0 => {
            r.ok.push(Finding::ConfigRight { path: c });
        }
        Ok(m) => r.problem(
            Finding::ConfigWritable {
                path: c.clone(),
                uid: m.uid(),
                mode: mode(&m),
            },
            Fix::Run(format!("sudo chown root:root {c} && sudo chmod 0644 {c}")),
        ),
        Err(_) => r.problem(
            Finding::ConfigMissing { path: c.clone() },
            Fix::ReinstallOrWrite {
                database: t.database.display().to_string(),
                config: c,
            },
        ),
    }
}

/// The backup timer: `systemctl is-enabled` where there is one.
fn timer(r: &mut Report) {
    let out = std::process::Command::new("systemctl")
        .args(["is-enabled", BACKUP_TIMER])
        .stdin(std::process::Stdio::null())
        .output();
    let Ok(out) = out else {
        r.unchecked.push(Finding::NoSystemctl {
            timer: BACKUP_TIMER.into(),
        });
        return;
    };
    let said = String::from_utf8_lossy(&out.stdout).trim().to_string();
    match said.as_str() {
        "enabled" | "static" | "alias" | "indirect" | "generated" => {
            r.ok.push(Finding::TimerRight {
                timer: BACKUP_TIMER.into(),
                said,
            })
        }
        "disabled" | "masked" | "not-found" | "masked-runtime" | "enabled-runtime" => r.problem(
            Finding::TimerOff {
                timer: BACKUP_TIMER.into(),
                said,
            },
            Fix::Run(format!("sudo systemctl enable --now {BACKUP_TIMER}")),
        ),
        _ if String::from_utf8_lossy(&out.stderr).contains("No such file") => r.problem(
            Finding::TimerMissing {
                timer: BACKUP_TIMER.into(),
            },
            Fix::InstallOrCron,
        ),
        _ => r.unchecked.push(Finding::TimerUnknown {
            timer: BACKUP_TIMER.into(),
            said: crate::domain::text::escape(String::from_utf8_lossy(&out.stderr).trim())
                .to_string(),
        }),
    }
}

/// Runs every check.
pub fn inspect(t: &Target) -> Report {
    let mut r = Report::default();
    if let Some(gid) = binary(&mut r, t) {
        members(&mut r, gid);
        directory(&mut r, t, gid);
        files(&mut r, t, gid);
    }
    config(&mut r, t);
    timer(&mut r);
    r
}

/// `phoihop check --deployment [--config FILE]`.
pub fn run(ctx: &Context, config: Option<&Path>) -> Result<()> {
    let target = Target {
        binary: std::env::current_exe()?,
        database: ctx.db.clone(),
        config: config
            .map(Path::to_path_buf)
            .unwrap_or_else(|| crate::config::system_file_path(crate::safe_file::is_setgid())),
    };
    let r = inspect(&target);
    let lang = Lang::from_code(ctx.lang);
    let (ok, problem, fix, unchecked) = match lang {
        Lang::Vi => ("đạt", "lỗi", "cách sửa", "chưa kiểm tra được"),
        Lang::En => ("ok", "problem", "fix", "unchecked"),
    };
    let mut lines = Vec::new();
    lines.extend(r.ok.iter().map(|o| format!("{ok}: {}", o.render(lang))));
    lines.extend(
        r.unchecked
            .iter()
            .map(|u| format!("{unchecked}: {}", u.render(lang))),
    );
    for p in &r.problems {
        lines.push(format!("{problem}: {}", p.what.render(lang)));
        lines.push(format!("  {fix}: {}", p.fix.render(lang)));
    }
    let mut out = String::new();
    for l in lines {
        out.push_str(&crate::domain::text::escape(&l));
        out.push('\n');
    }
    output::emit(&out)?;
    if r.problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Other(
            crate::lang::facts::Cli::DeployFound {
                n: r.problems.len(),
            }
            .into(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_filesystem_is_named() {
        let p = network_problem(Path::new("/mnt/share"), 0x6573_5546).expect("FUSE");
        let what = p.what.render(Lang::En);
        assert!(
            what.contains("FUSE") && what.contains("/mnt/share"),
            "{p:?}"
        );
        assert!(p.fix.render(Lang::En).contains("local disk"));
        assert!(p.what.render(Lang::Vi).contains("hệ thống tệp FUSE"));
        assert_eq!(network_problem(Path::new("/var/lib"), 0xEF53), None);
    }

    #[test]
    fn people_are_told_from_system_accounts() {
        assert!(is_person(1000, "/bin/bash"));
        assert!(!is_person(1001, "/usr/sbin/nologin"));
        assert!(!is_person(999, "/bin/sh"));
    }
}
