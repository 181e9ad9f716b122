//! The options whose values clap_derive reads from Cargo's `CARGO_PKG_*` environment variables
//! while it expands (not through `env!` in the generated code): the default command name, and
//! `version`, `author` and `about` without a value. Kept together in this module because they
//! depend on the environment the macro runs in.

use clap::Parser;

/// Crate metadata as defaults.
///
/// `about` without a value takes the package description; `long_about` without a value keeps this
/// doc comment.
#[derive(Parser, Debug)]
#[command(version, author, about, long_about)]
pub struct CrateMeta {
    /// A flag, so that the command has an argument besides help and version
    #[arg(long)]
    pub flag: bool,
}

#[cfg(test)]
mod tests {
    use clap::error::ErrorKind;
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn crate_metadata_from_cargo_env() {
        let cmd = CrateMeta::command();
        assert_eq!(cmd.get_name(), "corpus_clap");
        assert_eq!(cmd.get_version(), Some("0.1.0"));
        assert_eq!(cmd.get_author(), Some("Corpus Author <corpus@example.invalid>"));
        assert_eq!(cmd.get_about().map(|s| s.to_string()).as_deref(), Some("Exercises clap_derive"));
        let long = cmd.get_long_about().map(|s| s.to_string()).unwrap();
        assert!(long.starts_with("Crate metadata as defaults.\n\n`about` without a value"), "{long}");
        let e = CrateMeta::try_parse_from(["corpus_clap", "--version"]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::DisplayVersion);
        assert_eq!(e.to_string(), "corpus_clap 0.1.0\n");
    }
}
