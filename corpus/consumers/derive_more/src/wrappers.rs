//! Deref, DerefMut, Index, IndexMut and IntoIterator: delegating to one field.

use derive_more::{Deref, DerefMut, Index, IndexMut, IntoIterator};

#[derive(Deref, DerefMut)]
pub struct Wrapper(String);

#[derive(Deref, DerefMut)]
pub struct Labelled {
    #[deref]
    #[deref_mut]
    items: Vec<u8>,
    label: &'static str,
}

#[derive(Deref, DerefMut)]
#[deref(forward)]
#[deref_mut(forward)]
pub struct Boxed(Box<i32>);

#[derive(Deref, DerefMut)]
pub enum Either {
    Left(u32),
    Right {
        #[deref]
        #[deref_mut]
        value: u32,
        note: bool,
    },
}

#[derive(Deref, DerefMut)]
#[deref(forward)]
#[deref_mut(forward)]
pub enum BoxedEnum {
    First(Box<String>),
    Second { inner: Box<String> },
}

#[derive(Deref)]
pub struct GenericRef<'a, T: ?Sized> {
    target: &'a T,
}

#[derive(Index, IndexMut)]
pub struct Table(Vec<&'static str>);

#[derive(Index, IndexMut)]
pub struct Grid {
    width: usize,
    #[index]
    #[index_mut]
    cells: Vec<u8>,
}

#[derive(Index)]
pub struct Lookup<K: std::hash::Hash + Eq, V>(std::collections::HashMap<K, V>);

#[derive(IntoIterator)]
pub struct Bag(Vec<u32>);

#[derive(IntoIterator)]
#[into_iterator(owned, ref, ref_mut)]
pub struct Shelf(Vec<String>);

#[derive(IntoIterator)]
pub struct Tagged {
    #[into_iterator(owned, ref, ref_mut)]
    values: Vec<i8>,
    tag: char,
}

#[derive(IntoIterator)]
pub struct OnlyRef<T> {
    #[into_iterator(ref)]
    inner: std::collections::BTreeSet<T>,
}

/// `ignore` on the other fields selects the remaining one.
#[derive(Deref, DerefMut, Index, IndexMut, IntoIterator)]
pub struct IgnoringOthers {
    #[deref(ignore)]
    #[deref_mut(ignore)]
    #[index(ignore)]
    #[index_mut(ignore)]
    #[into_iterator(ignore)]
    meta: u8,
    data: Vec<u16>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deref_newtype() {
        let mut w = Wrapper("ab".into());
        assert_eq!(w.len(), 2);
        w.push('c');
        assert_eq!(&*w, "abc");
    }

    #[test]
    fn deref_marked_field() {
        let mut l = Labelled { items: vec![1], label: "x" };
        l.push(2);
        assert_eq!(*l, vec![1, 2]);
        assert_eq!(l.label, "x");
    }

    #[test]
    fn deref_forward() {
        let mut b = Boxed(Box::new(3));
        *b += 1;
        assert_eq!(*b, 4);
    }

    #[test]
    fn deref_enum() {
        let mut e = Either::Right { value: 5, note: true };
        *e += 1;
        assert_eq!(*e, 6);
        assert_eq!(*Either::Left(2), 2);
        let mut f = BoxedEnum::Second { inner: Box::new("s".into()) };
        f.push('t');
        assert_eq!(&*f, "st");
        assert_eq!(&*BoxedEnum::First(Box::new("f".into())), "f");
        if let Either::Right { note, .. } = e {
            assert!(note);
        }
    }

    #[test]
    fn deref_generic_unsized() {
        let g = GenericRef::<str> { target: "xyz" };
        assert_eq!(g.len(), 3);
    }

    #[test]
    fn index_and_index_mut() {
        let mut t = Table(vec!["a", "b"]);
        t[1] = "c";
        assert_eq!(t[1], "c");
        let mut g = Grid { width: 2, cells: vec![0; 4] };
        g[3] = 9;
        assert_eq!(&g[2..], &[0, 9]);
        assert_eq!(g.width, 2);
        let mut m = std::collections::HashMap::new();
        m.insert("k", 1);
        assert_eq!(Lookup(m)[&"k"], 1);
    }

    #[test]
    fn into_iterator_owned_default() {
        let v: Vec<u32> = Bag(vec![1, 2]).into_iter().map(|x| x * 2).collect();
        assert_eq!(v, vec![2, 4]);
    }

    #[test]
    fn into_iterator_ref_variants() {
        let mut s = Shelf(vec!["a".into()]);
        for x in &mut s {
            x.push('!');
        }
        assert_eq!((&s).into_iter().next().map(String::as_str), Some("a!"));
        assert_eq!(s.into_iter().collect::<Vec<_>>(), vec!["a!".to_string()]);
        let mut t = Tagged { values: vec![1, 2], tag: 't' };
        for v in &mut t {
            *v = -*v;
        }
        assert_eq!((&t).into_iter().sum::<i8>(), -3);
        assert_eq!(t.tag, 't');
        assert_eq!(t.into_iter().collect::<Vec<_>>(), vec![-1, -2]);
        let o = OnlyRef { inner: [3, 1].into_iter().collect() };
        assert_eq!((&o).into_iter().copied().collect::<Vec<_>>(), vec![1, 3]);
    }

    #[test]
    fn ignore_other_fields() {
        let mut w = IgnoringOthers { meta: 1, data: vec![5, 6] };
        w.push(7);
        w[0] = 4;
        assert_eq!(w.len(), 3);
        assert_eq!(w[0] + w[2] + u16::from(w.meta), 12);
        assert_eq!(w.into_iter().collect::<Vec<_>>(), vec![4, 6, 7]);
    }
}
