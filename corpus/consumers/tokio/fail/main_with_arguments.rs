// A function named `main` may not take arguments.
mod entry {
    #[tokio::main]
    pub async fn main(count: u32) {
        let _ = count;
    }
}

fn main() {}
