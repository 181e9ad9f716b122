//! The handle tables of one expansion: every span and every stream the guest was given, so that the
//! handles in its output (and in its host calls) map back to rustc's own objects.

use proc_macro::{Delimiter, Group, Span, TokenStream};

/// Span handles 0 and 1 are the expansion's call site and mixed site (docs/abi.md, "Spans").
pub const CALL_SITE: u32 = 0;
pub const MIXED_SITE: u32 = 1;

pub enum StreamEntry {
    Root(TokenStream),
    /// The stream inside an input group, kept as the group itself so that a group passed through
    /// unchanged goes back with its own open and close spans.
    Group {
        group: Group,
        open: u32,
        close: u32,
        entire: u32,
    },
}

pub struct Tables {
    pub spans: Vec<Span>,
    /// Stream handle `h` is `streams[h - 1]`; 0 means "no host stream".
    pub streams: Vec<StreamEntry>,
}

impl Tables {
    pub fn new() -> Tables {
        Tables {
            spans: vec![Span::call_site(), Span::mixed_site()],
            streams: Vec::new(),
        }
    }

    pub fn add_span(&mut self, span: Span) -> u32 {
        self.spans.push(span);
        (self.spans.len() - 1) as u32
    }

    pub fn span(&self, handle: u32) -> Result<Span, String> {
        self.spans.get(handle as usize).copied().ok_or_else(|| {
            format!(
                "span handle {handle} is not in the span table ({} entries)",
                self.spans.len()
            )
        })
    }

    pub fn add_stream(&mut self, entry: StreamEntry) -> u32 {
        self.streams.push(entry);
        self.streams.len() as u32
    }

    pub fn stream(&self, handle: u32) -> Result<TokenStream, String> {
        match self.streams.get((handle as usize).wrapping_sub(1)) {
            Some(StreamEntry::Root(s)) => Ok(s.clone()),
            Some(StreamEntry::Group { group, .. }) => Ok(group.stream()),
            None => Err(format!(
                "stream handle {handle} is not in the stream table ({} entries)",
                self.streams.len()
            )),
        }
    }

    /// The original group, when a group in the output is exactly one the guest was given.
    pub fn original_group(
        &self,
        handle: u32,
        delimiter: Delimiter,
        spans: (u32, u32, u32),
    ) -> Option<Group> {
        match self.streams.get((handle as usize).wrapping_sub(1)) {
            Some(StreamEntry::Group {
                group,
                open,
                close,
                entire,
            }) if group.delimiter() == delimiter && (*open, *close, *entire) == spans => {
                Some(group.clone())
            }
            _ => None,
        }
    }
}
