window.__srLive=null;
