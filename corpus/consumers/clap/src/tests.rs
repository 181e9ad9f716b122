use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, ValueEnum};

use super::commands::*;
use super::generic::*;
use super::*;

fn help_of<T: CommandFactory>() -> String {
    T::command().render_help().to_string()
}

fn long_help_of<T: CommandFactory>() -> String {
    T::command().render_long_help().to_string()
}

fn err_kind<T: Parser + std::fmt::Debug>(args: &[&str]) -> ErrorKind {
    T::try_parse_from(args).expect_err("expected a parse error").kind()
}

#[test]
fn command_debug_asserts_pass() {
    Copier::command().debug_assert();
    Net::command().debug_assert();
    Values::command().debug_assert();
    Vcs::command().debug_assert();
    Tool::command().debug_assert();
    Top::command().debug_assert();
    Verbatim::command().debug_assert();
    ExplicitAbout::command().debug_assert();
    Extras::command().debug_assert();
    cargo_env::CrateMeta::command().debug_assert();
    Wrapper::<Inner>::command().debug_assert();
    Valued::<u64>::command().debug_assert();
    WithAction::<Inner>::command().debug_assert();
}

#[test]
fn parser_defaults_and_positionals() {
    let c = Copier::try_parse_from(["copier", "in.txt"]).unwrap();
    assert_eq!(
        c,
        Copier {
            source: PathBuf::from("in.txt"),
            dest: "-".into(),
            verbose: 0,
            keep_times: true,
            block: 64,
            excludes: vec![],
            holes: Holes::Keep,
            dry_run: false,
            label: None,
            compress: None,
            internal: 7,
            skipped_default: vec![],
        }
    );
}

#[test]
fn short_long_and_actions() {
    let c = Copier::try_parse_from([
        "copier", "-vvv", "--no-times", "-b", "128", "-x", "*.o", "--exclude", "*.a", "-n", "--label",
        "L", "a", "b",
    ])
    .unwrap();
    assert_eq!(c.verbose, 3);
    assert!(!c.keep_times);
    assert_eq!(c.block, 128);
    assert_eq!(c.excludes, ["*.o", "*.a"]);
    assert!(c.dry_run);
    assert_eq!(c.label.as_deref(), Some("L"));
    assert_eq!(c.dest, "b");
    let c = Copier::try_parse_from(["copier", "--verbose", "--dry-run", "--block=2", "s"]).unwrap();
    assert_eq!((c.verbose, c.dry_run, c.block), (1, true, 2));
}

#[test]
fn option_option_field() {
    let c = Copier::try_parse_from(["copier", "s", "--compress"]).unwrap();
    assert_eq!(c.compress, Some(None));
    let c = Copier::try_parse_from(["copier", "s", "--compress", "9"]).unwrap();
    assert_eq!(c.compress, Some(Some(9)));
}

#[test]
fn skip_fields() {
    let c = Copier::try_parse_from(["copier", "s"]).unwrap();
    assert_eq!(c.internal, 7);
    assert!(c.skipped_default.is_empty());
    let n = Net::try_parse_from(["net", "--file", "f", "--level", "1"]).unwrap();
    assert!(n.input.not_an_arg);
}

#[test]
fn value_parser_range_error() {
    assert_eq!(err_kind::<Copier>(&["copier", "-b", "0", "s"]), ErrorKind::ValueValidation);
    assert_eq!(err_kind::<Copier>(&["copier", "-b", "x", "s"]), ErrorKind::ValueValidation);
}

#[test]
fn missing_and_unknown_arguments() {
    assert_eq!(err_kind::<Copier>(&["copier"]), ErrorKind::MissingRequiredArgument);
    assert_eq!(err_kind::<Copier>(&["copier", "--nope", "s"]), ErrorKind::UnknownArgument);
    assert_eq!(err_kind::<Copier>(&["copier", "a", "b", "c"]), ErrorKind::UnknownArgument);
}

#[test]
fn version_and_help_flags() {
    let e = Copier::try_parse_from(["copier", "--version"]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::DisplayVersion);
    assert_eq!(e.to_string(), "copier 0.1.0\n");
    assert_eq!(err_kind::<Copier>(&["copier", "-h"]), ErrorKind::DisplayHelp);
    let e = ExplicitAbout::try_parse_from(["explicit", "-V"]).unwrap_err();
    assert_eq!(e.to_string(), "explicit 9.8.7\n");
}

#[test]
fn name_version_author_metadata() {
    let cmd = Copier::command();
    assert_eq!(cmd.get_name(), "copier");
    assert_eq!(cmd.get_version(), Some("0.1.0"));
    assert_eq!(cmd.get_author(), Some("Copier Author"));
}

#[test]
fn doc_comments_become_about_and_help() {
    let short = help_of::<Copier>();
    assert!(short.starts_with("Copies files between places\n"), "{short}");
    assert!(!short.contains("long description"));
    assert!(short.contains("Makes the copy louder (repeatable)"));
    assert!(short.contains("[default: -]"));
    assert!(short.contains("[default: 64]"));
    assert!(short.contains("-x, --exclude <PATTERN>"));
    assert!(short.contains("Usage: copier [OPTIONS] <SOURCE> [DEST]"), "{short}");
    let long = long_help_of::<Copier>();
    assert!(
        long.contains("The long description only shows with `--help`, and its lines are joined into one paragraph."),
        "{long}"
    );
}

#[test]
fn value_enum_help_and_possible_values() {
    let long = long_help_of::<Copier>();
    assert!(long.contains("- keep: Keep holes as holes"), "{long}");
    assert!(long.contains("- fill: Write zeroes instead"), "{long}");
    assert!(long.contains("- auto: Let the file system decide"), "{long}");
    assert!(!long.contains("unknown"));
    let short = help_of::<Copier>();
    assert!(short.contains("[possible values: keep, fill, auto]"), "{short}");
}

#[test]
fn value_enum_parse_alias_and_skip() {
    let c = Copier::try_parse_from(["copier", "s", "--holes", "zero"]).unwrap();
    assert_eq!(c.holes, Holes::FillWithZeroes);
    let c = Copier::try_parse_from(["copier", "s", "--holes=fill"]).unwrap();
    assert_eq!(c.holes, Holes::FillWithZeroes);
    assert_eq!(err_kind::<Copier>(&["copier", "s", "--holes", "unknown"]), ErrorKind::InvalidValue);
    assert_eq!(Holes::value_variants(), &[Holes::Keep, Holes::FillWithZeroes, Holes::Auto]);
    assert_eq!(Holes::Auto.to_possible_value().unwrap().get_name(), "auto");
    assert!(Holes::Unknown.to_possible_value().is_none());
    assert_eq!(Holes::from_str("ZERO", true), Ok(Holes::FillWithZeroes));
    assert!(Holes::from_str("ZERO", false).is_err());
}

#[test]
fn value_enum_rename_all() {
    let names: Vec<_> =
        Mode::value_variants().iter().map(|v| v.to_possible_value().unwrap().get_name().to_owned()).collect();
    assert_eq!(names, ["ONCE", "RETRY", "RETRY_FOREVER"]);
}

fn value_names<T: ValueEnum>() -> Vec<String> {
    T::value_variants().iter().map(|v| v.to_possible_value().unwrap().get_name().to_owned()).collect()
}

#[test]
fn value_enum_every_casing() {
    assert_eq!(value_names::<Pascal>(), ["FirstValue", "SecondValue"]);
    assert_eq!(value_names::<Lower>(), ["firstvalue"]);
    assert_eq!(value_names::<Verbatim_>(), ["FirstValue", "second_Value"]);
    assert_eq!(value_names::<Camel>(), ["firstValue"]);
    assert_eq!(value_names::<Holes>(), ["keep", "fill", "auto"]);
}

#[test]
fn explicit_about_help_long_help() {
    let short = help_of::<ExplicitAbout>();
    assert!(short.starts_with("An explicit about\n"), "{short}");
    assert!(short.contains("explicit help"));
    assert!(!short.contains("comment"));
    let long = long_help_of::<ExplicitAbout>();
    assert!(long.contains("explicit long help"));
    assert!(!long.contains("Short about"));
}


#[test]
fn verbatim_doc_comment_keeps_text() {
    let cmd = Verbatim::command();
    let about = cmd.get_about().unwrap().to_string();
    assert_eq!(about, "Keeps   this    spacing.");
    let long = cmd.get_long_about().unwrap().to_string();
    assert_eq!(long, "Keeps   this    spacing.\n\n  Indented line stays indented.\nNext line is not joined.");
    let opt = cmd.get_arguments().find(|a| a.get_id() == "opt").unwrap();
    assert_eq!(opt.get_help().unwrap().to_string(), "Option help");
    assert_eq!(
        opt.get_long_help().unwrap().to_string(),
        "Option help\n\nwith a long part:\n  - kept as written"
    );
    let other = cmd.get_arguments().find(|a| a.get_id() == "other").unwrap();
    assert_eq!(other.get_help().unwrap().to_string(), "First paragraph");
    assert_eq!(other.get_long_help().unwrap().to_string(), "First paragraph.\n\nSecond paragraph only in --help.");
}

#[test]
fn next_display_order() {
    let cmd = Copier::command();
    let source = cmd.get_arguments().find(|a| a.get_id() == "verbose").unwrap();
    assert!(source.get_display_order() >= 10);
}

#[test]
fn flatten_and_next_help_heading() {
    let n = Net::try_parse_from(["net", "--host", "h", "--text", "t", "--level", "2"]).unwrap();
    assert_eq!(n.net, NetOpts { host: "h".into(), port: 8080 });
    assert_eq!(n.input.text.as_deref(), Some("t"));
    let help = help_of::<Net>();
    assert!(help.contains("Network:\n      --host <HOST>"), "{help}");
    assert!(help.contains("Input:\n      --file <FILE>"), "{help}");
    let cmd = Net::command();
    let port = cmd.get_arguments().find(|a| a.get_id() == "port").unwrap();
    assert_eq!(port.get_help_heading(), Some("Network"));
}

#[test]
fn group_required_and_exclusive() {
    assert_eq!(err_kind::<Net>(&["net", "--level", "1"]), ErrorKind::MissingRequiredArgument);
    assert_eq!(
        err_kind::<Net>(&["net", "--level", "1", "--file", "f", "--text", "t"]),
        ErrorKind::ArgumentConflict
    );
    let cmd = Net::command();
    let group = cmd.get_groups().find(|g| g.get_id() == "input").unwrap();
    assert!(group.is_required_set());
    let ids: Vec<_> = group.get_args().map(|a| a.as_str().to_owned()).collect();
    assert_eq!(ids, ["file", "text"]);
    // The default group is named after the struct, unless `#[group(skip)]`.
    assert!(cmd.get_groups().any(|g| g.get_id() == "NetOpts"));
    assert!(!cmd.get_groups().any(|g| g.get_id() == "Ungrouped"));
    let mut built = Net::command();
    built.build();
    let levels = built.get_groups().find(|g| g.get_id() == "levels").unwrap();
    assert_eq!(levels.get_args().map(|a| a.as_str()).collect::<Vec<_>>(), ["level", "the-id"]);
    assert_eq!(
        err_kind::<Net>(&["net", "--file", "f", "--level", "1", "--idarg", "2"]),
        ErrorKind::ArgumentConflict
    );
}

#[test]
fn conflicts_with_and_requires() {
    let base = ["net", "--file", "f", "--level", "1"];
    let with = |extra: &[&str]| -> Vec<String> { base.iter().chain(extra).map(|s| s.to_string()).collect() };
    assert_eq!(
        Net::try_parse_from(with(&["--output_format", "j", "--quiet_mode"])).unwrap_err().kind(),
        ErrorKind::ArgumentConflict
    );
    assert_eq!(
        Net::try_parse_from(with(&["--user", "u"])).unwrap_err().kind(),
        ErrorKind::MissingRequiredArgument
    );
    let n = Net::try_parse_from(with(&["--user", "u", "--password", "p"])).unwrap();
    assert_eq!((n.user.as_deref(), n.password.as_deref()), (Some("u"), Some("p")));
}

#[test]
fn raw_method_attribute_required_if_eq() {
    let base = ["net", "--file", "f", "--level", "1"];
    let with = |extra: &[&str]| -> Vec<String> { base.iter().chain(extra).map(|s| s.to_string()).collect() };
    assert_eq!(
        Net::try_parse_from(with(&["--mode", "RETRY"])).unwrap_err().kind(),
        ErrorKind::MissingRequiredArgument
    );
    let n = Net::try_parse_from(with(&["--mode", "RETRY", "--retries", "3"])).unwrap();
    assert_eq!((n.mode, n.retries), (Some(Mode::Retry), Some(3)));
}

#[test]
fn required_group_and_rename_all() {
    assert_eq!(err_kind::<Net>(&["net", "--file", "f"]), ErrorKind::MissingRequiredArgument);
    // rename_all = "snake_case" on the container names the long flags.
    let n = Net::try_parse_from(["net", "--file", "f", "--level", "1", "--output_format", "x"]).unwrap();
    assert_eq!(n.output_format.as_deref(), Some("x"));
    assert_eq!(err_kind::<Net>(&["net", "--file", "f", "--level", "1", "--output-format", "x"]), ErrorKind::UnknownArgument);
}

#[test]
fn arg_id_and_long_differ() {
    let n = Net::try_parse_from(["net", "--file", "f", "--idarg", "v"]).unwrap();
    assert_eq!(n.with_id.as_deref(), Some("v"));
    let cmd = Net::command();
    let a = cmd.get_arguments().find(|a| a.get_id() == "the-id").unwrap();
    assert_eq!(a.get_long(), Some("idarg"));
}

#[test]
fn num_args_and_value_names() {
    let v = Values::try_parse_from(["vals", "--point", "1", "2", "-t", "a", "b", "c", "-t", "d"]).unwrap();
    assert_eq!(v.point, Some(vec![1, 2]));
    assert_eq!(v.tags, ["a", "b", "c", "d"]);
    assert_eq!(err_kind::<Values>(&["vals", "--point", "1"]), ErrorKind::WrongNumberOfValues);
    assert_eq!(err_kind::<Values>(&["vals", "-t", "a", "b", "c", "d"]), ErrorKind::UnknownArgument);
    let help = help_of::<Values>();
    assert!(help.contains("--point <X> <Y>"), "{help}");
    let v = Values::try_parse_from(["vals"]).unwrap();
    assert_eq!(v.point, None);
}

#[test]
fn default_values_variants() {
    let v = Values::try_parse_from(["vals"]).unwrap();
    assert_eq!(v.levels, [1, 2, 3]);
    assert_eq!(v.modes, [Mode::Once, Mode::Retry]);
    assert_eq!(v.dir, PathBuf::from("/tmp"));
    assert_eq!(v.raw, [OsString::from("a"), OsString::from("b")]);
    assert_eq!(v.zero, 0);
    assert_eq!(v.empty_os, OsString::new());
    let help = help_of::<Values>();
    assert!(help.contains("[default: 1 2 3]"), "{help}");
    assert!(help.contains("[default: ONCE RETRY]"), "{help}");
    assert!(help.contains("[default: /tmp]"), "{help}");
    let v = Values::try_parse_from(["vals", "--levels", "9", "--modes", "RETRY_FOREVER"]).unwrap();
    assert_eq!(v.levels, [9]);
    assert_eq!(v.modes, [Mode::RetryForever]);
}

#[test]
fn custom_value_parser_function() {
    let v = Values::try_parse_from(["vals", "--define", "a=1", "--define", "b=2"]).unwrap();
    assert_eq!(v.define, [("a".to_owned(), "1".to_owned()), ("b".to_owned(), "2".to_owned())]);
    let e = Values::try_parse_from(["vals", "--define", "nope"]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ValueValidation);
    assert!(e.to_string().contains("no `=` in `nope`"), "{e}");
}

#[test]
fn value_delimiter_and_last() {
    let v = Values::try_parse_from(["vals", "--list", "1,2,3", "--", "x", "--y"]).unwrap();
    assert_eq!(v.list, [1, 2, 3]);
    assert_eq!(v.rest, ["x", "--y"]);
}

#[test]
fn unit_field_with_action() {
    assert_eq!(err_kind::<Values>(&["vals", "--assist"]), ErrorKind::DisplayHelp);
}

#[test]
fn bare_value_parser_action_and_optional_flatten() {
    let e = Extras::try_parse_from(["extras"]).unwrap();
    assert_eq!(e, Extras { count: None, on: false, net: None, secret: None });
    let e = Extras::try_parse_from(["extras", "--count", "7", "--on", "--port", "1", "--secret", "s"]).unwrap();
    assert_eq!(e.count, Some(7));
    assert!(e.on);
    assert_eq!(e.net, Some(NetOpts { host: "localhost".into(), port: 1 }));
    assert_eq!(e.secret.as_deref(), Some("s"));
    assert_eq!(err_kind::<Extras>(&["extras", "--count", "70000"]), ErrorKind::ValueValidation);
    let help = help_of::<Extras>();
    assert!(!help.contains("secret"), "{help}");
    assert!(Extras::command().get_about().is_none());
}

#[test]
fn deprecated_clap_attribute() {
    let l = Legacy::try_parse_from(["legacy", "-f"]).unwrap();
    assert!(l.flag);
    assert_eq!(Legacy::command().get_name(), "legacy");
}

#[test]
fn update_from_keeps_unset_fields() {
    let mut c = Copier::try_parse_from(["copier", "s", "-b", "8"]).unwrap();
    c.try_update_from(["copier", "t", "-v"]).unwrap();
    assert_eq!(c.source, PathBuf::from("t"));
    assert_eq!(c.verbose, 1);
    let m = Copier::command().try_get_matches_from(["copier", "z"]).unwrap();
    let from = Copier::from_arg_matches(&m).unwrap();
    assert_eq!(from.source, PathBuf::from("z"));
}

#[test]
fn subcommand_named_variant_and_alias() {
    let v = Vcs::try_parse_from(["vcs", "clone", "url", "--depth", "1"]).unwrap();
    assert_eq!(
        v.command,
        Some(VcsCommand::Clone { remote: "url".into(), depth: Some(1), verbose: false })
    );
    let v = Vcs::try_parse_from(["vcs", "cl", "url"]).unwrap();
    assert!(matches!(v.command, Some(VcsCommand::Clone { .. })));
}

#[test]
fn global_arg_from_global() {
    let v = Vcs::try_parse_from(["vcs", "clone", "url", "-v"]).unwrap();
    assert!(v.verbose);
    assert_eq!(v.command, Some(VcsCommand::Clone { remote: "url".into(), depth: None, verbose: true }));
}

#[test]
fn subcommand_newtype_and_unit_variants() {
    let v = Vcs::try_parse_from(["vcs", "push", "-f"]).unwrap();
    assert_eq!(v.command, Some(VcsCommand::Push(PushArgs { remote: "origin".into(), force: true })));
    let v = Vcs::try_parse_from(["vcs", "show-status"]).unwrap();
    assert_eq!(v.command, Some(VcsCommand::ShowStatus));
}

#[test]
fn nested_subcommand_with_defer() {
    let v = Vcs::try_parse_from(["vcs", "stash", "push", "-m", "wip"]).unwrap();
    assert_eq!(v.command, Some(VcsCommand::Stash(StashCommand::Push { message: Some("wip".into()) })));
    let v = Vcs::try_parse_from(["vcs", "stash", "pop"]).unwrap();
    assert_eq!(v.command, Some(VcsCommand::Stash(StashCommand::Pop)));
    let mut cmd = Vcs::command();
    cmd.build();
    let stash = cmd.find_subcommand("stash").unwrap();
    let push = stash.get_subcommands().find(|c| c.get_name() == "push").unwrap();
    assert_eq!(push.get_about().unwrap().to_string(), "Save the work");
}

#[test]
fn flattened_subcommands_and_rename() {
    let v = Vcs::try_parse_from(["vcs", "remote-add", "o", "u"]).unwrap();
    assert_eq!(
        v.command,
        Some(VcsCommand::Remote(RemoteCommand::AddRemote { name: "o".into(), url: "u".into() }))
    );
    let v = Vcs::try_parse_from(["vcs", "ra", "o", "u"]).unwrap();
    assert!(matches!(v.command, Some(VcsCommand::Remote(RemoteCommand::AddRemote { .. }))));
    let v = Vcs::try_parse_from(["vcs", "RMREMOTE", "o"]).unwrap();
    assert_eq!(v.command, Some(VcsCommand::Remote(RemoteCommand::RmRemote { name: "o".into() })));
}

#[test]
fn skipped_variant_is_external() {
    assert!(Vcs::command().find_subcommand("hidden").is_none());
    let v = Vcs::try_parse_from(["vcs", "hidden", "x"]).unwrap();
    assert_eq!(
        v.command,
        Some(VcsCommand::External(vec![OsString::from("hidden"), OsString::from("x")]))
    );
}

#[test]
fn args_conflict_with_subcommands() {
    assert_eq!(err_kind::<Vcs>(&["vcs"]), ErrorKind::MissingRequiredArgument);
    let v = Vcs::try_parse_from(["vcs", "--repo", "r"]).unwrap();
    assert_eq!((v.repo.as_deref(), v.command), (Some("r"), None));
    // Once an argument is given, subcommand names are no longer recognised.
    let v = Vcs::try_parse_from(["vcs", "--repo", "r", "push"]).unwrap();
    assert_eq!(v.command, Some(VcsCommand::External(vec![OsString::from("push")])));
    assert!(Vcs::command().is_args_conflicts_with_subcommands_set());
}

#[test]
fn subcommand_help_lists_docs() {
    let help = help_of::<Vcs>();
    assert!(help.starts_with("A version control tool\n"), "{help}");
    assert!(help.contains("clone        Clone a repository"), "{help}");
    assert!(help.contains("show-status  Show the status"), "{help}");
    assert!(help.contains("remote-add   Add a remote [alias: ra]"), "{help}");
    assert!(!help.contains("hidden"));
}

#[test]
fn required_subcommand_and_camel_case() {
    assert_eq!(err_kind::<Tool>(&["tool"]), ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand);
    let t = Tool::try_parse_from(["tool", "buildAll"]).unwrap();
    assert_eq!(t.command, ToolCommand::BuildAll);
    let t = Tool::try_parse_from(["tool", "runTests", "--filterText", "x"]).unwrap();
    assert_eq!(t.command, ToolCommand::RunTests { filter_text: Some("x".into()) });
    assert_eq!(err_kind::<Tool>(&["tool", "build-all"]), ErrorKind::InvalidSubcommand);
}

#[test]
fn parser_on_enum() {
    assert_eq!(Top::try_parse_from(["top", "first", "--n", "4"]).unwrap(), Top::First { n: 4 });
    assert_eq!(Top::try_parse_from(["top", "zwei"]).unwrap(), Top::Second);
    let help = help_of::<Top>();
    assert!(help.contains("zwei   Second, renamed"), "{help}");
}

#[test]
fn generic_flatten() {
    let w = Wrapper::<Inner>::try_parse_from(["wrap", "--shared", "--count", "5"]).unwrap();
    assert_eq!(w, Wrapper { shared: true, inner: Inner { count: 5 } });
    let w = Wrapper::<Inner>::try_parse_from(["wrap"]).unwrap();
    assert_eq!(w.inner.count, 1);
}

#[test]
fn generic_value_with_where_clause() {
    let v = Valued::<u64>::try_parse_from(["val", "--value", "10", "--more", "1", "--more", "2"]).unwrap();
    assert_eq!((v.value, v.more), (10, vec![1, 2]));
    assert_eq!(err_kind::<Valued<u64>>(&["val", "--value=-1"]), ErrorKind::ValueValidation);
    let v = Valued::<String>::try_parse_from(["val", "--value", "s"]).unwrap();
    assert_eq!(v.value, "s");
}

#[test]
fn generic_subcommand() {
    let a = WithAction::<Inner>::try_parse_from(["act", "run", "--count", "3"]).unwrap();
    assert_eq!(a.action, Action::Run(Inner { count: 3 }));
    let a = WithAction::<Inner>::try_parse_from(["act", "stop"]).unwrap();
    assert_eq!(a.action, Action::Stop);
}
