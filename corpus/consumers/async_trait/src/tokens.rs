//! Inputs whose tokens are unusual: raw identifiers, non-ASCII names, and traits and impls made
//! by `macro_rules!` with bodies passed in as `$body:block`.

use async_trait::async_trait;

#[async_trait]
pub trait Keywords {
    async fn r#match(&self, r#type: u8) -> u8;
    #[allow(non_snake_case)]
    async fn größe(&self, 名前: &str) -> usize;
}

pub struct K;

#[async_trait]
impl Keywords for K {
    async fn r#match(&self, r#type: u8) -> u8 {
        r#type + 1
    }
    async fn größe(&self, 名前: &str) -> usize {
        名前.chars().count()
    }
}

macro_rules! async_getter_trait {
    ($trait:ident, $method:ident -> $ret:ty) => {
        #[async_trait]
        pub trait $trait {
            async fn $method(&self) -> $ret;
        }
    };
}

macro_rules! async_getter_impl {
    ($trait:ident for $ty:ty, $method:ident -> $ret:ty, |$this:ident| $body:block) => {
        #[async_trait]
        impl $trait for $ty {
            async fn $method(&self) -> $ret {
                let $this = self;
                let result: $ret = $body;
                result
            }
        }
    };
}

async_getter_trait!(Length, len -> usize);

pub struct Name(pub String);

async_getter_impl!(Length for Name, len -> usize, |this| { this.0.len() });
async_getter_impl!(Length for Vec<u8>, len -> usize, |this| { this.iter().filter(|b| **b != 0).count() });

#[cfg(test)]
mod tests {
    use super::*;
    use crate::executor::block_on;

    #[test]
    fn raw_and_non_ascii_identifiers() {
        assert_eq!(block_on(K.r#match(1)), 2);
        assert_eq!(block_on(K.größe("名前🦀")), 3);
    }

    #[test]
    fn macro_rules_fragments() {
        assert_eq!(block_on(Length::len(&Name("abc".into()))), 3);
        assert_eq!(block_on(Length::len(&vec![1u8, 0, 2])), 2);
    }
}
