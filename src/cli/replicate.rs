//! `phoihop replicate-config --to URL`: prints a Litestream configuration that replicates
//! this province's database to the centre (see docs/deployment.md, "Replication and
//! roll-up"). phoihop itself never talks to the network; Litestream does the replication.

use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};
use crate::lang::facts::{Cli, Replica};

#[derive(Debug, Args)]
pub struct ReplicateConfigArgs {
    /// Where the replica goes: a directory path or file:///DIR, sftp://USER@HOST[:PORT]/DIR
    /// or s3://BUCKET/PATH.
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// How long snapshots and changes are kept on the replica (Litestream's duration:
    /// 720h = 30 days).
    #[arg(long, default_value = "720h", value_name = "DURATION")]
    pub retention: String,
    /// How often a full snapshot is taken.
    #[arg(long, default_value = "24h", value_name = "DURATION")]
    pub snapshot_interval: String,
    /// The SSH private key Litestream uses for an sftp:// replica.
    #[arg(long, value_name = "FILE")]
    pub key_path: Option<PathBuf>,
}

/// A replica destination, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(String),
    Sftp(String),
    S3(String),
}

/// Parses `--to`: a bare absolute path is a file replica.
pub fn parse_target(to: &str) -> Result<Target> {
    let t = to.trim();
    let bad = |why: Replica| {
        Error::Usage(
            Cli::BadReplica {
                target: crate::domain::text::escape(t).into_owned(),
                why,
            }
            .into(),
        )
    };
    if t.contains('$') {
        // Litestream expands $VAR in its configuration.
        return Err(bad(Replica::Dollar));
    }
    if t.chars().any(|c| c.is_control() || c == '"' || c == '\\') {
        return Err(bad(Replica::BadChar));
    }
    if let Some(rest) = t.strip_prefix("file://") {
        if !rest.starts_with('/') || rest.len() < 2 {
            return Err(bad(Replica::NotAbsolute));
        }
        return Ok(Target::File(rest.to_string()));
    }
    if t.starts_with('/') {
        if t.len() < 2 {
            return Err(bad(Replica::Root));
        }
        return Ok(Target::File(t.to_string()));
    }
    if let Some(rest) = t.strip_prefix("sftp://") {
        let (auth, path) = rest.split_once('/').unwrap_or((rest, ""));
        let Some((user, host)) = auth.split_once('@') else {
            return Err(bad(Replica::NoUser));
        };
        if user.is_empty() || host.is_empty() || path.is_empty() {
            return Err(bad(Replica::Incomplete));
        }
        return Ok(Target::Sftp(t.to_string()));
    }
    if let Some(rest) = t.strip_prefix("s3://") {
        let (bucket, path) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() || path.is_empty() {
            return Err(bad(Replica::NoBucket));
        }
        return Ok(Target::S3(t.to_string()));
    }
    Err(bad(Replica::Unknown))
}

/// A Litestream duration: digits followed by h, m or s (e.g. 720h, 90m).
fn duration(field: &str, s: &str) -> Result<String> {
    let s = s.trim();
    let ok = s.len() >= 2
        && s[..s.len() - 1].chars().all(|c| c.is_ascii_digit())
        && matches!(s.as_bytes()[s.len() - 1], b'h' | b'm' | b's');
    if ok {
        Ok(s.to_string())
    } else {
        Err(Error::Usage(
            Cli::BadDuration {
                field: field.to_string(),
                text: crate::domain::text::escape(s).into_owned(),
            }
            .into(),
        ))
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The configuration text for `db` replicated to `target`.
pub fn config(
    db: &std::path::Path,
    target: &Target,
    retention: &str,
    snapshot_interval: &str,
    key_path: Option<&std::path::Path>,
) -> Result<String> {
    let db = std::path::absolute(db).map_err(|e| {
        Error::Other(
            Cli::CannotResolve {
                path: db.display().to_string(),
                detail: e.to_string(),
            }
            .into(),
        )
    })?;
    let db = db
        .to_str()
        .ok_or_else(|| Error::Usage(Cli::DbPathNotUtf8.into()))?;
    if db.contains('$') {
        return Err(Error::Usage(Cli::DbPathDollar.into()));
    }
    let mut out = String::new();
    out.push_str("# Litestream configuration written by `phoihop replicate-config`.\n");
    out.push_str("# Litestream owns the WAL checkpoints of this database: phoihop sees its\n");
    out.push_str("# directory beside the file and skips its own TRUNCATE checkpoints.\n");
    out.push_str("# Install as /etc/litestream.yml and run `litestream replicate` (see\n");
    out.push_str("# docs/deployment.md, \"Replication and roll-up\").\n");
    out.push_str("snapshot:\n");
    out.push_str(&format!("  interval: {snapshot_interval}\n"));
    out.push_str(&format!("  retention: {retention}\n"));
    out.push_str("dbs:\n");
    out.push_str(&format!("  - path: {}\n", quoted(db)));
    out.push_str("    replica:\n");
    match target {
        Target::File(p) => {
            out.push_str("      type: file\n");
            out.push_str(&format!("      path: {}\n", quoted(p)));
        }
        Target::Sftp(url) => {
            out.push_str(&format!("      url: {}\n", quoted(url)));
            match key_path {
                Some(k) => out.push_str(&format!(
                    "      key-path: {}\n",
                    quoted(&k.display().to_string())
                )),
                None => out.push_str("      # key-path: /etc/litestream/id_ed25519\n"),
            }
        }
        Target::S3(url) => {
            out.push_str(&format!("      url: {}\n", quoted(url)));
            out.push_str(
                "      # Credentials from LITESTREAM_ACCESS_KEY_ID and LITESTREAM_SECRET_ACCESS_KEY.\n",
            );
        }
    }
    Ok(out)
}

/// Runs `phoihop replicate-config`.
pub fn run(ctx: &super::Context, args: &ReplicateConfigArgs) -> Result<()> {
    let target = parse_target(&args.to)?;
    let retention = duration("--retention", &args.retention)?;
    let interval = duration("--snapshot-interval", &args.snapshot_interval)?;
    if args.key_path.is_some() && !matches!(target, Target::Sftp(_)) {
        return Err(Error::Usage(Cli::KeyPathSftpOnly.into()));
    }
    crate::store::fs::refuse_missing(&ctx.db)?;
    let text = config(
        &ctx.db,
        &target,
        &retention,
        &interval,
        args.key_path.as_deref(),
    )?;
    super::report::write_out(None, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        assert_eq!(
            parse_target("/srv/r/a").unwrap(),
            Target::File("/srv/r/a".into())
        );
        assert_eq!(
            parse_target("file:///srv/r/a").unwrap(),
            Target::File("/srv/r/a".into())
        );
        assert!(matches!(
            parse_target("sftp://u@h:22/srv/a").unwrap(),
            Target::Sftp(_)
        ));
        assert!(matches!(parse_target("s3://b/p").unwrap(), Target::S3(_)));
        for bad in [
            "relative/x",
            "sftp://host/x",
            "s3://bucket",
            "http://x/y",
            "/srv/$HOME",
            "/",
            "file://x",
        ] {
            assert_eq!(parse_target(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
        assert!(duration("d", "720h").is_ok());
        for bad in ["7d", "h", "", "12"] {
            assert!(duration("d", bad).is_err(), "{bad}");
        }
    }
}
