var BAHASA = {"auth":{"login":"Masuk","loggingIn":"Sedang masuk...","loginWithNetlifyIdentity":"Masuk dengan Netlify Identity","loginWithAzure":"Masuk dengan Azure","loginWithBitbucket":"Masuk dengan Bitbucket","loginWithGitHub":"Masuk dengan GitHub","loginWithGitLab":"Masuk dengan GitLab","loginWithGitea":"Masuk dengan Gitea","loginWithForgejo":"Masuk dengan Forgejo","errors":{"email":"Mohon isi alamat email Anda.","password":"Mohon isi kata sandi Anda.","identitySettings":"Pengaturan identitas tidak bisa dibuka. Jika memakai backend git-gateway, pastikan layanan Identity dan Git Gateway sudah diaktifkan."}},"app":{"header":{"content":"Konten","workflow":"Alur kerja","media":"Foto & berkas","quickAdd":"Tambah cepat"},"app":{"errorHeader":"Gagal memuat pengaturan CMS","configErrors":"Kesalahan pengaturan","checkConfigYml":"Periksa berkas config.yml Anda.","loadingConfig":"Memuat pengaturan...","waitingBackend":"Menunggu server..."},"notFoundPage":{"header":"Halaman tidak ditemukan"}},"collection":{"sidebar":{"collections":"Koleksi","allCollections":"Semua koleksi","searchAll":"Cari di semua koleksi","searchIn":"Cari di"},"collectionTop":{"sortBy":"Urutkan menurut","viewAs":"Tampilkan sebagai","viewAsList":"Tampilan daftar","viewAsGrid":"Tampilan kotak","newButton":"+ %{collectionLabel} baru","newButtonAriaLabel":"Tambah %{collectionLabel} baru","ascending":"Urutan naik","descending":"Urutan turun","searchResults":"Hasil pencarian untuk \"%{searchTerm}\"","searchResultsInCollection":"Hasil pencarian untuk \"%{searchTerm}\" di %{collection}","filterBy":"Saring menurut","groupBy":"Kelompokkan menurut"},"entries":{"loadingEntries":"Memuat entri...","cachingEntries":"Menyiapkan entri...","longerLoading":"Ini mungkin perlu beberapa menit","noEntries":"Belum ada entri","unpublishedHeader":"Entri yang belum terbit"},"groups":{"other":"Lainnya","negateLabel":"Bukan %{label}"},"defaultFields":{"author":{"label":"Penulis"},"updatedOn":{"label":"Terakhir diubah"}}},"editor":{"editorControl":{"field":{"optional":"tidak wajib","widgetLabel":"kolom %{widgetLabel}"}},"editorControlPane":{"widget":{"required":"%{fieldLabel} wajib diisi.","regexPattern":"%{fieldLabel}: %{pattern}","processing":"%{fieldLabel} sedang diproses.","range":"%{fieldLabel} harus antara %{minValue} dan %{maxValue}.","min":"%{fieldLabel} paling kecil %{minValue}.","max":"%{fieldLabel} paling besar %{maxValue}.","rangeCount":"%{fieldLabel} harus berisi %{minCount} sampai %{maxCount} butir.","rangeCountExact":"%{fieldLabel} harus berisi tepat %{count} butir.","rangeMin":"%{fieldLabel} harus berisi paling sedikit %{minCount} butir.","rangeMax":"%{fieldLabel} harus berisi paling banyak %{maxCount} butir.","invalidPath":"'%{path}' bukan lokasi berkas yang sah","pathExists":"Lokasi berkas '%{path}' sudah dipakai"},"i18n":{"writingInLocale":"Menulis dalam bahasa %{locale}","copyFromLocale":"Isi dari bahasa lain","copyFromLocaleConfirm":"Apakah Anda ingin mengisi data dari bahasa %{locale}?\nSemua isi yang sudah ada akan ditimpa."}},"editor":{"onLeavePage":"Anda yakin ingin meninggalkan halaman ini?","onUpdatingWithUnsavedChanges":"Ada perubahan yang belum disimpan. Mohon simpan dulu sebelum mengubah status.","onPublishingNotReady":"Mohon ubah status menjadi \"Siap terbit\" sebelum menerbitkan.","onPublishingWithUnsavedChanges":"Ada perubahan yang belum disimpan. Mohon simpan dulu sebelum menerbitkan.","onPublishing":"Anda yakin ingin menerbitkan entri ini?","onUnpublishing":"Anda yakin ingin menarik entri ini dari situs?","onDeleteWithUnsavedChanges":"Anda yakin ingin menghapus entri yang sudah terbit ini, beserta perubahan yang belum disimpan di sesi ini?","onDeletePublishedEntry":"Anda yakin ingin menghapus entri yang sudah terbit ini?","onDeleteUnpublishedChangesWithUnsavedChanges":"Ini akan menghapus semua perubahan yang belum terbit pada entri ini, beserta perubahan yang belum disimpan di sesi ini. Tetap hapus?","onDeleteUnpublishedChanges":"Semua perubahan yang belum terbit pada entri ini akan dihapus. Tetap hapus?","loadingEntry":"Memuat entri...","confirmLoadBackup":"Ditemukan cadangan entri ini di perangkat Anda. Apakah Anda ingin memakainya?"},"editorInterface":{"toggleI18n":"Buka/tutup bahasa lain","togglePreview":"Buka/tutup pratinjau","toggleScrollSync":"Gulir bersamaan","toggleNotes":"Buka/tutup catatan"},"editorNotesPane":{"title":"Catatan","emptyState":"Belum ada catatan. Tulis catatan pertama di bawah untuk mulai bekerja sama.","addNote":"Tambah catatan","addPlaceholder":"Tulis catatan...","editPlaceholder":"Ubah catatan Anda...","save":"Simpan","cancel":"Batal","edit":"Ubah","delete":"Hapus","resolve":"Tandai selesai","unresolve":"Tandai belum selesai","confirmDelete":"Anda yakin ingin menghapus catatan ini?","shortcut":"Tips: tekan Ctrl+Enter untuk menambah catatan dengan cepat"},"editorToolbar":{"publishing":"Menerbitkan...","publish":"Terbitkan","published":"Sudah terbit","unpublish":"Tarik dari situs","duplicate":"Gandakan","unpublishing":"Menarik dari situs...","publishAndCreateNew":"Terbitkan dan buat baru","publishAndDuplicate":"Terbitkan dan gandakan","deleteUnpublishedChanges":"Hapus perubahan yang belum terbit","deleteUnpublishedEntry":"Hapus entri yang belum terbit","deletePublishedEntry":"Hapus entri yang sudah terbit","deleteEntry":"Hapus entri","saving":"Menyimpan...","save":"Simpan","statusInfoTooltipDraft":"Status entri ini masih draf. Jika sudah selesai dan siap diperiksa, ubah statusnya menjadi ‘Sedang ditinjau’.","statusInfoTooltipInReview":"Entri ini sedang ditinjau, Anda tidak perlu melakukan apa-apa lagi. Namun, Anda tetap bisa mengubahnya selama ditinjau.","deleting":"Menghapus...","updating":"Memperbarui...","status":"Status: %{status}","backCollection":" Menulis di koleksi %{collectionLabel}","unsavedChanges":"Perubahan belum disimpan","changesSaved":"Perubahan tersimpan","draft":"Draf","inReview":"Sedang ditinjau","ready":"Siap terbit","publishNow":"Terbitkan sekarang","deployPreviewPendingButtonLabel":"Periksa pratinjau","deployPreviewButtonLabel":"Lihat pratinjau","deployButtonLabel":"Lihat di situs"},"editorWidgets":{"markdown":{"bold":"Tebal","italic":"Miring","strikethrough":"Coret","code":"Kode","link":"Tautan","linkPrompt":"Masukkan alamat (URL) tautan","headings":"Judul","quote":"Kutipan","bulletedList":"Daftar berpoin","numberedList":"Daftar bernomor","addComponent":"Tambah komponen","richText":"Teks berformat","markdown":"Markdown","toggleMode":{"rich":"Beralih ke mode teks berformat","markdown":"Beralih ke mode Markdown"}},"image":{"choose":"Pilih foto","chooseMultiple":"Pilih beberapa foto","chooseUrl":"Sisipkan dari URL","replaceUrl":"Ganti dengan URL","promptUrl":"Masukkan alamat (URL) foto","chooseDifferent":"Pilih foto lain","addMore":"Tambah foto lagi","remove":"Hapus foto","removeAll":"Hapus semua foto"},"file":{"choose":"Pilih berkas","chooseUrl":"Sisipkan dari URL","chooseMultiple":"Pilih beberapa berkas","replaceUrl":"Ganti dengan URL","promptUrl":"Masukkan alamat (URL) berkas","chooseDifferent":"Pilih berkas lain","addMore":"Tambah berkas lagi","remove":"Hapus berkas","removeAll":"Hapus semua berkas"},"unknownControl":{"noControl":"Jenis kolom '%{widget}' tidak dikenal, jadi tidak bisa diisi."},"unknownPreview":{"noPreview":"Tidak ada pratinjau untuk jenis kolom '%{widget}'."},"headingOptions":{"headingOne":"Judul 1","headingTwo":"Judul 2","headingThree":"Judul 3","headingFour":"Judul 4","headingFive":"Judul 5","headingSix":"Judul 6"},"datetime":{"now":"Sekarang","clear":"Kosongkan","setToNow":"Isi %{fieldLabel} dengan waktu sekarang"},"list":{"add":"Tambah %{item}","addType":"Tambah %{item}"},"object":{"expand":"Buka","collapse":"Tutup"}}},"mediaLibrary":{"mediaLibraryCard":{"draft":"Draf","copy":"Salin","copyUrl":"Salin URL","copyPath":"Salin lokasi berkas","copyName":"Salin nama","copied":"Tersalin"},"mediaLibrary":{"onDelete":"Anda yakin ingin menghapus foto atau berkas yang dipilih?","fileTooLarge":"Berkas terlalu besar.\nBerkas yang lebih dari %{size} kB tidak diizinkan."},"mediaLibraryModal":{"loading":"Memuat...","close":"Tutup","noResults":"Tidak ada hasil.","noAssetsFound":"Tidak ada foto atau berkas.","noImagesFound":"Tidak ada foto.","private":"Pribadi ","images":"Foto","mediaAssets":"Foto & berkas","search":"Cari...","uploading":"Mengunggah...","upload":"Unggah","download":"Unduh","deleting":"Menghapus...","deleteSelected":"Hapus yang dipilih","chooseSelected":"Pakai yang dipilih"}},"ui":{"default":{"goBackToSite":"Kembali ke situs"},"errorBoundary":{"title":"Kesalahan","details":"Terjadi kesalahan. Mohon ","reportIt":"laporkan lewat issue di GitHub.","detailsHeading":"Rincian","privacyWarning":"Laporan (issue) yang dibuka dari sini langsung berisi pesan kesalahan dan data untuk melacak masalah.\nMohon periksa apakah isinya benar, dan hapus data pribadi atau rahasia jika ada.","recoveredEntry":{"heading":"Dokumen yang berhasil diselamatkan","warning":"Mohon salin dan tempel isi ini di tempat lain sebelum meninggalkan halaman!","copyButtonLabel":"Salin ke papan klip"}},"settingsDropdown":{"logOut":"Keluar","account":"Menu akun"},"toast":{"onFailToLoadEntries":"Gagal memuat entri: %{details}","onFailToLoadDeployPreview":"Gagal memuat pratinjau: %{details}","onFailToPersist":"Gagal menyimpan entri: %{details}","onFailToDelete":"Gagal menghapus entri: %{details}","onFailToUpdateStatus":"Gagal mengubah status: %{details}","missingRequiredField":"Maaf, ada kolom wajib yang belum diisi. Mohon lengkapi sebelum menyimpan.","entrySaved":"Entri tersimpan","entryPublished":"Entri sudah terbit","entryUnpublished":"Entri ditarik dari situs","onFailToPublishEntry":"Gagal menerbitkan: %{details}","onFailToUnpublishEntry":"Gagal menarik entri dari situs: %{details}","entryUpdated":"Status entri diperbarui","onDeleteUnpublishedChanges":"Perubahan yang belum terbit sudah dihapus","noteAdded":"Catatan ditambahkan","onFailToAddNote":"Gagal menambah catatan: %{details}","noteUpdated":"Catatan diperbarui","onFailToUpdateNote":"Gagal mengubah catatan: %{details}","noteDeleted":"Catatan dihapus","onFailToDeleteNote":"Gagal menghapus catatan: %{details}","noteResolved":"Catatan ditandai selesai","noteReopened":"Catatan dibuka lagi","onFailToToggleNote":"Gagal mengubah tanda selesai pada catatan: %{details}","onFailToAuth":"%{details}","onLoggedOut":"Anda sudah keluar. Mohon simpan cadangan data Anda, lalu masuk lagi.","onBackendDown":"Layanan server sedang bermasalah. Lihat %{details} untuk informasi lebih lanjut."}},"workflow":{"workflow":{"loading":"Memuat entri alur kerja","workflowHeading":"Alur kerja penerbitan","newPost":"Entri baru","description":"%{smart_count} entri menunggu ditinjau, %{readyCount} siap terbit. |||| %{smart_count} entri menunggu ditinjau, %{readyCount} siap terbit.","dateFormat":"D/M/YYYY"},"workflowCard":{"lastChange":"%{date} oleh %{author}","lastChangeNoAuthor":"%{date}","lastChangeNoDate":"oleh %{author}","deleteChanges":"Hapus perubahan","deleteNewEntry":"Hapus entri baru","publishChanges":"Terbitkan perubahan","publishNewEntry":"Terbitkan entri baru"},"workflowList":{"onDeleteEntry":"Anda yakin ingin menghapus entri ini?","onPublishingNotReadyEntry":"Hanya entri berstatus \"Siap terbit\" yang bisa diterbitkan. Mohon geser kartunya ke kolom \"Siap terbit\" dulu.","onPublishEntry":"Anda yakin ingin menerbitkan entri ini?","draftHeader":"Draf","inReviewHeader":"Sedang ditinjau","readyHeader":"Siap terbit","currentEntries":"%{smart_count} entri |||| %{smart_count} entri"}}};
var URUTAN = {"usaha":{"":["name","category","products","owner","description","rt","rw","address","lokasi","whatsapp","instagram","website","photo","programme","halal","pirt","nib","open_hours","delivery","payment","tags"],"products":["name","price","unit","description","photo","available","season","category"]},"acara":{"":["name","date","location","stalls","start","end","lokasi","description","organizer"],"stalls":["stall","vendor"]},"pengaturan":{"":["title","kelurahan","kecamatan","city","site_url","description","contact_whatsapp","categories","programmes"],"categories":["id","name","description"],"programmes":["id","name","description"]}};
// The /admin/ form: Decap CMS with an Indonesian interface and the catalogue's own rules.
// The build writes above this `BAHASA` (Decap's phrases in Indonesian, from id.json) and
// `URUTAN` (per collection, the order of the keys inside each list's items).
// It runs before Decap's script (which would otherwise start at once, in English) and
// starts Decap when the page has loaded.
window.CMS_MANUAL_INIT = true;
window.addEventListener("DOMContentLoaded", function () {
  var body = document.body;
  var local = ["localhost", "127.0.0.1"].indexOf(location.hostname) >= 0;
  function show(id) {
    document.getElementById(id).hidden = false;
  }
  // Without `admin:` in catalogue.yml there is no repository to sign in to; on a
  // maintainer's own computer decap-server stands in for it.
  if (body.getAttribute("data-siap") !== "ya" && !local) return show("belum-siap");
  if (!window.CMS) return show("gagal-muat");

  CMS.registerLocale("id", BAHASA);

  // Decap's own switch shows a missing value as off, but `available: ` is on unless the
  // file says otherwise, and files may say `ya` or `tidak`: this box reads them as the
  // validator does, and writes true or false.
  var YES = ["true", "ya", "yes", "y", "on"];
  CMS.registerWidget("centang", createClass({
    render: function () {
      var props = this.props;
      var value = props.value;
      var on = value === undefined || value === null || value === ""
        ? props.field.get("default") === true
        : typeof value === "string" ? YES.indexOf(value.trim().toLowerCase()) >= 0 : value === true;
      return h("div", { className: props.classNameWrapper }, h("input", {
        type: "checkbox",
        id: props.forID,
        checked: on,
        style: { width: "1.5rem", height: "1.5rem" },
        onChange: function () { props.onChange(!on); },
        onFocus: props.setActiveStyle,
        onBlur: props.setInactiveStyle,
      }));
    },
  }));

  // `lokasi:` is `[lintang, bujur]` in a file, or the text a map app copies; Decap's own
  // box and its pattern check would turn the list into "List [ … ]". This box shows either
  // as text, writes what is typed (the validator reads both), and checks it the same way.
  function titik(value) {
    if (value && typeof value.toJS === "function") value = value.toJS();
    return Array.isArray(value) ? value.join(", ") : value === undefined || value === null ? "" : String(value);
  }
  CMS.registerWidget("titik", createClass({
    isValid: function () {
      var text = titik(this.props.value);
      if (!text || new RegExp(this.props.field.get("pola")).test(text)) return true;
      return { error: { message: this.props.field.get("pesan") } };
    },
    render: function () {
      var props = this.props;
      return h("input", {
        type: "text",
        id: props.forID,
        className: props.classNameWrapper,
        value: titik(props.value),
        onChange: function (event) { props.onChange(event.target.value); },
        onFocus: props.setActiveStyle,
        onBlur: props.setInactiveStyle,
      });
    },
  }));

  // Phones name every photo alike (iPhones: image.jpg), and Decap replaces a photo of the
  // same name, another vendor's included: each upload gets the time it was chosen in its
  // name (`image-20261204-164501.jpg`), before Decap reads it.
  function stamped(name) {
    var now = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    var stamp = now.getFullYear() + two(now.getMonth() + 1) + two(now.getDate()) + "-" +
      two(now.getHours()) + two(now.getMinutes()) + two(now.getSeconds());
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(0, dot) + "-" + stamp + name.slice(dot) : name + "-" + stamp;
  }
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || input.type !== "file" || !input.files || !input.files.length) return;
    var renamed = new DataTransfer();
    Array.prototype.forEach.call(input.files, function (file) {
      renamed.items.add(new File([file], stamped(file.name), { type: file.type }));
    });
    input.files = renamed.files;  // fires no second change event
  }, true);
  // And should a name still be taken, Decap asks in English whether to replace it: no.
  var ask = window.confirm.bind(window);
  window.confirm = function (message) {
    if (/ already exists\. Do you want to replace it\?$/.test(String(message))) {
      window.alert("Sudah ada foto dengan nama itu, milik usaha lain. Ganti nama berkasnya, " +
        "lalu unggah lagi.");
      return false;
    }
    return ask(message);
  };

  // Our files never hold an empty value (the validator refuses `owner: ""`): a field
  // typed in and emptied again is left out, as if it had never been filled. Except in
  // `denah`, which the form does not show: its `null`s are aisles, kept where they stand.
  function empty(value) {
    if (value === null || value === undefined || value === "") return true;
    if (typeof value === "string") return value.trim() === "";
    return typeof value.size === "number" && value.size === 0;
  }
  function pruned(value) {
    if (value && typeof value.filter === "function" && typeof value.map === "function") {
      return value.map(function (item, key) {
        return key === "denah" ? item : pruned(item);
      }).filter(function (item) { return !empty(item); });
    }
    return value;
  }
  // Decap orders a folder's files' top-level keys as the form does, but not a single
  // file's (Pengaturan), and writes a product's in the order they were filled in:
  // reviewers read them all in the form's order (`URUTAN[collection][""]`: the top
  // level; other keys: a list's items). Keys the form does not show go last, kept.
  function sortedBy(keys) {
    return function (value, key) {
      var at = keys.indexOf(key);
      return at < 0 ? keys.length : at;
    };
  }
  function ordered(data, order) {
    Object.keys(order).forEach(function (field) {
      if (field === "") return;
      var items = data.get(field);
      if (!items || typeof items.map !== "function") return;
      data = data.set(field, items.map(function (item) {
        return item && typeof item.sortBy === "function" ? item.sortBy(sortedBy(order[field])) : item;
      }));
    });
    return order[""] ? data.sortBy(sortedBy(order[""])) : data;
  }
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var order = URUTAN[event.entry.get("collection")] || {};
      return ordered(pruned(event.entry.get("data")), order);
    },
  });

  // Decap's GitHub sign-in asks this in English (not through its phrases) before it makes
  // a volunteer's fork: the same words in Indonesian.
  var ENGLISH = {
    "Open Authoring is enabled: we need to use a fork on your github account. (If a fork already exists, we'll use that.)":
      "Anda belum menjadi anggota repositori katalog, jadi usulan Anda dikirim dari salinan " +
      "(fork) di akun GitHub Anda. Jika salinan itu sudah ada, salinan itulah yang dipakai.",
    "Fork the repo": "Buat salinan (fork)",
    "Don't fork the repo": "Jangan buat salinan",
  };
  function translate(node) {
    if (node.nodeType === 3) {
      var said = ENGLISH[node.nodeValue.trim()];
      if (said) node.nodeValue = said;
    } else if (node.nodeType === 1) {
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (var text = walker.nextNode(); text; text = walker.nextNode()) translate(text);
    }
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(translate); });
  }).observe(body, { childList: true, subtree: true });

  CMS.init();
});
