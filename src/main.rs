fn main() {
    dossier_app::mount();
}
